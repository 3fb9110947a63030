import { BUNDLED_RULES, loadRules } from './load-rules.js';
import { recordingCache, RULE_CACHE_PATH } from './rule-cache.js';

/**
 * Writes the cache of the bundled rules as read and validated now (src/rules/rule-cache.ts).
 * A rule with errors is left out: it is read and reported at every run. Returns how many
 * files were cached and how many errors were left out.
 */
export function writeRuleCache(path = RULE_CACHE_PATH): { cached: number; errors: number } {
  const cache = recordingCache();
  const loaded = loadRules([BUNDLED_RULES], cache);
  return { cached: cache.save(path), errors: loaded.errors.length };
}
