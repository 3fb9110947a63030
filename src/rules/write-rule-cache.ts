import { BUNDLED_RULES, loadRules } from './load-rules.js';
import { recordingCache, RULE_CACHE_PATH } from './rule-cache.js';

/** Writes the cache of the bundled rules as validated now, leaving out rules with errors (reported at every run); returns the counts. */
export function writeRuleCache(path = RULE_CACHE_PATH): { cached: number; errors: number } {
  const cache = recordingCache();
  const loaded = loadRules([BUNDLED_RULES], cache);
  return { cached: cache.save(path), errors: loaded.errors.length };
}
