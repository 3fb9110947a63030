import { createHash } from 'node:crypto';

/**
 * A finding's fingerprint: a hash of the rule, the subject and the identity of the records
 * it rests on. Line numbers are left out so that re-exporting the same data in another
 * order keeps fingerprints (baselines and waivers match on them).
 */
export function fingerprint(ruleId: string, subject: { type: string; id: string }, recordKeys: readonly string[]): string {
  const material = JSON.stringify([ruleId, subject.type, subject.id, [...new Set(recordKeys)].sort()]);
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}
