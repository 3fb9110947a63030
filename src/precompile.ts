// Run after tsc by `npm run build`: writes the rule cache and schema validators built otherwise at each start.
import { writeRuleCache } from './rules/write-rule-cache.js';
import { writeSchemaValidators } from './snapshot/write-schema-validators.js';

const rules = writeRuleCache();
const validators = writeSchemaValidators();
process.stdout.write(`vigie: ${rules.cached} fichiers de règles mis en cache (${rules.errors} erreur(s) laissée(s) hors du cache), ${validators} validateurs de schémas compilés\n`);
