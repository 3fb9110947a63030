/**
 * `npm run build` (and npm's `prepare`), after tsc: writes what vigie would otherwise work out
 * at every start, each checked against its sources when used: the bundled rules as validated
 * (dist/rule-cache.json) and the snapshot schemas' validators as code (dist/schema-validators.cjs).
 */
import { writeRuleCache } from './rules/write-rule-cache.js';
import { writeSchemaValidators } from './snapshot/write-schema-validators.js';

const rules = writeRuleCache();
const validators = writeSchemaValidators();
process.stdout.write(`vigie: ${rules.cached} fichiers de règles mis en cache (${rules.errors} erreur(s) laissée(s) hors du cache), ${validators} validateurs de schémas compilés\n`);
