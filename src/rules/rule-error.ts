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
  'rule-pattern-lookbehind': { fr: "expression régulière « {pattern} » refusée : le regard en arrière ({fragment}) n'est pas pris en charge (moteur RE2, en temps linéaire)", en: 'regular expression « {pattern} » refused: lookbehind ({fragment}) is not supported (RE2 engine, linear time)' },
  'rule-pattern-lookahead': { fr: "expression régulière « {pattern} » refusée : le regard en avant ({fragment}) n'est pas pris en charge (moteur RE2, en temps linéaire)", en: 'regular expression « {pattern} » refused: lookahead ({fragment}) is not supported (RE2 engine, linear time)' },
  'rule-pattern-backreference': { fr: "expression régulière « {pattern} » refusée : la référence arrière ({fragment}) n'est pas prise en charge (moteur RE2, en temps linéaire)", en: 'regular expression « {pattern} » refused: the backreference ({fragment}) is not supported (RE2 engine, linear time)' },
  'rule-pattern-bracket': { fr: 'expression régulière « {pattern} » invalide : crochet ] manquant ({fragment})', en: 'invalid regular expression « {pattern} »: missing closing ] ({fragment})' },
  'rule-pattern-paren': { fr: 'expression régulière « {pattern} » invalide : parenthèses mal appariées ({fragment})', en: 'invalid regular expression « {pattern} »: unbalanced parentheses ({fragment})' },
  'rule-pattern-repeat': { fr: 'expression régulière « {pattern} » invalide : répétition sans objet ou répétition de répétition ({fragment})', en: 'invalid regular expression « {pattern} »: repetition of nothing or of a repetition ({fragment})' },
  'rule-pattern-repeat-count': { fr: 'expression régulière « {pattern} » invalide : nombre de répétitions impossible, au plus 1000 ({fragment})', en: 'invalid regular expression « {pattern} »: impossible repeat count, 1000 at most ({fragment})' },
  'rule-pattern-escape': { fr: 'expression régulière « {pattern} » invalide : séquence d’échappement inconnue ({fragment})', en: 'invalid regular expression « {pattern} »: unknown escape sequence ({fragment})' },
  'rule-pattern-range': { fr: 'expression régulière « {pattern} » invalide : classe de caractères impossible ({fragment})', en: 'invalid regular expression « {pattern} »: impossible character class ({fragment})' },
  'rule-pattern-large': { fr: 'expression régulière « {pattern} » refusée : trop grande ou trop imbriquée', en: 'regular expression « {pattern} » refused: too large or nested too deeply' },
  'rule-pattern-dynamic': { fr: 'une expression régulière s’écrit dans la règle (ou en paramètre), elle ne se lit pas dans un fait', en: 'a regular expression is written in the rule (or as a parameter), not read from a fact' },
  'rule-pattern-syntax': { fr: 'expression régulière « {pattern} » invalide ou non prise en charge par RE2 ({fragment})', en: 'regular expression « {pattern} » is invalid or not supported by RE2 ({fragment})' },
  'rule-template-unknown': { fr: '{placeholder} : « {name} » n’est rien que ce texte puisse afficher (ni fait de la règle ou partagé, ni clé de partner.yaml, ni record, subject, param, data, as_of, matched là où ils ont cours)', en: '{placeholder}: « {name} » is nothing this text can show (not a fact of the rule or a shared one, not a partner.yaml key, nor record, subject, param, data, as_of, matched where they apply)' },
  'rule-template-field': { fr: '{placeholder} : les enregistrements de {source} n’ont pas de champ « {name} »', en: '{placeholder}: records of {source} have no field « {name} »' },
  'rule-template-param': { fr: '{placeholder} : paramètre « {name} » non déclaré par la règle', en: '{placeholder}: parameter « {name} » not declared by the rule' },
  'rule-template-data': { fr: '{placeholder} : pas de données de référence « {name} » (rules/_data)', en: '{placeholder}: no reference data « {name} » (rules/_data)' },
  'rule-template-subject': { fr: '{placeholder} : le sujet n’a que type et id, pas « {name} »', en: '{placeholder}: the subject has only type and id, not « {name} »' },
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
