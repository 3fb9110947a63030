import { createHash } from 'node:crypto';

/** A finding's fingerprint: a hash of the rule, the subject and its records' identity, without line numbers, so that baselines and waivers survive a reordered export. */
export function fingerprint(ruleId: string, subject: { type: string; id: string }, recordKeys: readonly string[]): string {
  const material = JSON.stringify([ruleId, subject.type, subject.id, [...new Set(recordKeys)].sort()]);
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}
