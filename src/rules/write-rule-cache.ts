/**
 * `npm run build` (and npm's `prepare`): writes dist/rule-cache.json, the bundled rules as
 * read and validated now (src/rules/rule-cache.ts). A rule with errors is left out: it is read
 * and reported at every run.
 */
import { BUNDLED_RULES, loadRules } from './load-rules.js';
import { recordingCache, RULE_CACHE_PATH } from './rule-cache.js';

const cache = recordingCache();
const loaded = loadRules([BUNDLED_RULES], cache);
const written = cache.save(RULE_CACHE_PATH);
process.stdout.write(`vigie: ${written} fichiers de règles mis en cache (${loaded.errors.length} erreur(s) laissée(s) hors du cache)\n`);
