import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { packagePath } from '../util/package-paths.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/** The rule files as read and validated at build time, by fingerprint (their name and text, and what judged them): reading them took long at every start (docs/PERFORMANCE.md). */
export interface RuleCache {
  /** The validated data of a file of this fingerprint (a fresh copy), if cached. */
  get(fingerprint: string): unknown;
  set?(fingerprint: string, data: unknown): void;
}

/** Where `npm run build` writes the cache of the bundled rules (src/rules/write-rule-cache.ts). */
export const RULE_CACHE_PATH = packagePath('dist/rule-cache.json');

/** The fingerprint of a file: what it is (`rule` or `shared`), its name, its text, and the texts of what judges it. */
export function fingerprintOf(judges: string, kind: string, name: string, text: string): string {
  return createHash('sha256').update(JSON.stringify([judges, kind, name, text])).digest('hex');
}

/** The cache written by the build, or undefined when there is none (sources run through tsx, a build without it). */
export function readRuleCache(path = RULE_CACHE_PATH): RuleCache | undefined {
  let entries: Record<string, unknown>;
  try {
    entries = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (entries === null || typeof entries !== 'object') return undefined;
  return { get: (fingerprint) => (Object.hasOwn(entries, fingerprint) ? structuredClone(entries[fingerprint]) : undefined) };
}

/** A cache that records what the loader validates, to be written with `save`. */
export function recordingCache(): RuleCache & { save(path: string): number } {
  const entries = new Map<string, unknown>();
  return {
    get: () => undefined,
    set(fingerprint, data) {
      // Only data that JSON carries unchanged (no NaN, no Infinity) can be cached.
      const copy: unknown = JSON.parse(JSON.stringify(data));
      if (isDeepStrictEqual(copy, data)) entries.set(fingerprint, copy);
    },
    save(path) {
      const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      writeFileAtomic(path, `${JSON.stringify(sorted)}\n`);
      return entries.size;
    },
  };
}
