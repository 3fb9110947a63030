import { withValue, type DisplayError } from '../diagnostics/display-error.js';
import type { InputError } from '../snapshot/snapshot-types.js';
import type { Lang } from './rule-types.js';
import { detailText } from './user-file-detail.js';

/** A problem in a rule, shared-facts, fixture or configuration file: the same shape as an input error. */
export type RuleFileError = InputError;

const MESSAGES: Record<string, { fr: string; en: string }> = {
  'rule-yaml-syntax': { fr: 'YAML invalide : {detail}', en: 'invalid YAML: {detail}' },
  'rule-schema': { fr: 'règle non conforme au schéma : {detail}', en: 'rule does not match the schema: {detail}' },
  'rule-id-mismatch': { fr: "l'identifiant de la règle doit être le nom du fichier ({expected})", en: 'the rule ID must be the file name ({expected})' },
  'rule-duplicate-id': { fr: 'identifiant de règle déjà défini dans {first}', en: 'rule ID already defined in {first}' },
  'rule-unknown-fact': { fr: 'fait inconnu : ni déclaré dans facts, ni partagé, ni record/subject/as_of', en: 'unknown fact: not declared in facts, not shared, not record/subject/as_of' },
  'rule-unknown-param': { fr: 'paramètre inconnu de la règle', en: 'parameter not declared by the rule' },
  'rule-fact-kinds': { fr: "un fait n'est que d'une sorte (value, count, max…) ; celui-ci en nomme plusieurs : {kinds}", en: 'a fact is of one kind only (value, count, max…); this one names several: {kinds}' },
  'rule-fact-streamed': { fr: 'agrégat « {kind} » impossible sur une table lue en flux ({source})', en: 'aggregate « {kind} » cannot be computed over a streamed table ({source})' },
  'rule-fact-held': { fr: 'agrégat « {kind} » calculé seulement sur une table lue en flux (traces)', en: 'aggregate « {kind} » is computed only over a streamed table (traces)' },
  'rule-bad-pattern': { fr: 'expression régulière invalide : {detail}', en: 'invalid regular expression: {detail}' },
  'rule-bad-duration': { fr: 'durée ISO 8601 invalide', en: 'invalid ISO 8601 duration' },
  'rules-none': { fr: 'aucune règle trouvée dans ce dossier', en: 'no rule found in this folder' },
  'config-schema': { fr: 'configuration invalide : {detail}', en: 'invalid configuration: {detail}' },
  'config-unknown-rule': { fr: 'règle inconnue dans la configuration', en: 'unknown rule in the configuration' },
  'fixture-schema': { fr: 'cas de test invalide : {detail}', en: 'invalid test case: {detail}' },
  'rule-unreadable': { fr: 'fichier illisible : {detail}', en: 'cannot read file: {detail}' },
};

/** The localized message of a rule-file error. */
export function formatRuleFileError(error: RuleFileError, lang: Lang): string {
  const template = MESSAGES[error.code]?.[lang] ?? error.code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key === 'detail' ? detailText(error.params, lang) : String(error.params?.[key] ?? '')));
}

/** Whether an error code belongs to this catalogue (rule, fixture and configuration files). */
export function isRuleFileErrorCode(code: string): boolean {
  return Object.hasOwn(MESSAGES, code);
}

/** A rule, configuration or fixture file error. */
export function fromRuleFileError(error: RuleFileError, lang: Lang): DisplayError {
  return withValue({ file: error.file, line: error.line, column: error.column, code: error.code, message: formatRuleFileError(error, lang) }, error.value);
}
