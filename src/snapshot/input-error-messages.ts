import type { InputError } from './snapshot-types.js';

type Lang = 'fr' | 'en';
type Params = Readonly<Record<string, string | number>>;
type Template = (params: Params, lang: Lang) => string;

/** French and English wording of what yaml, csv-parse and the file system report. */
const REASONS: Readonly<Record<string, readonly [fr: string, en: string]>> = {
  MISSING_CHAR: [
    'caractère manquant (guillemet, virgule, deux-points, crochet ou accolade)',
    'missing character (quote, comma, colon, bracket or brace)',
  ],
  DUPLICATE_KEY: ['clé en double', 'duplicate key'],
  BAD_INDENT: ['indentation incorrecte', 'bad indentation'],
  TAB_AS_INDENT: ["tabulation utilisée pour l'indentation", 'tab used for indentation'],
  MULTIPLE_DOCS: ['plusieurs documents dans un même fichier', 'several documents in one file'],
  UNEXPECTED_TOKEN: ['élément inattendu', 'unexpected token'],
  BLOCK_AS_IMPLICIT_KEY: ['deux « clé: » sur la même ligne', 'two "key:" on one line'],
  MULTILINE_IMPLICIT_KEY: ['une clé doit tenir sur une ligne', 'a key must fit on one line'],
  BAD_DQ_ESCAPE: ["séquence d'échappement invalide", 'invalid escape sequence'],
  BAD_SCALAR_START: ['valeur commençant par un caractère réservé : la mettre entre guillemets', 'value starts with a reserved character: quote it'],
  CSV_QUOTE_NOT_CLOSED: ['guillemet ouvert jamais fermé', 'quote never closed'],
  CSV_INVALID_CLOSING_QUOTE: ['caractère après un guillemet fermant', 'character after a closing quote'],
  CSV_MAX_RECORD_SIZE: ['ligne trop longue (délimiteur ou guillemet erroné ?)', 'record too long (wrong delimiter or quote?)'],
  ENOENT: ['introuvable', 'not found'],
  EACCES: ['accès refusé', 'permission denied'],
  EPERM: ['accès refusé', 'permission denied'],
  EISDIR: ["c'est un dossier", 'it is a folder'],
  ENOTDIR: ["ce n'est pas un dossier", 'not a folder'],
};

const TYPE_NAMES: Readonly<Record<string, readonly [fr: string, en: string]>> = {
  string: ['un texte', 'a text'],
  integer: ['un nombre entier', 'an integer'],
  number: ['un nombre', 'a number'],
  boolean: ['un booléen', 'a boolean'],
  object: ['un objet (clé : valeur)', 'an object (key: value)'],
  array: ['une liste', 'a list'],
  null: ['null', 'null'],
};

function pick(pair: readonly [string, string] | undefined, lang: Lang, fallback: string): string {
  return pair ? pair[lang === 'fr' ? 0 : 1] : fallback;
}

/** The wording of a yaml, csv-parse or file-system error code, when it has one. */
export function reasonText(code: string, lang: Lang): string | undefined {
  const pair = REASONS[code];
  return pair ? pick(pair, lang, code) : undefined;
}

function reason(params: Params, lang: Lang): string {
  const code = String(params.reason ?? '');
  return pick(REASONS[code], lang, code);
}

/** « la colonne « x » » for a table cell, « la clé « a.b » » for a partner key. */
function where(params: Params, lang: Lang): string {
  if (params.key !== undefined) return lang === 'fr' ? `la clé « ${params.key} »` : `key "${params.key}"`;
  return lang === 'fr' ? `la colonne « ${params.column} »` : `column "${params.column}"`;
}

function schemaDetail(params: Params, lang: Lang): string {
  const expected = params.expected;
  switch (params.keyword) {
    case 'type': {
      const types = String(expected).split(',').map((type) => pick(TYPE_NAMES[type], lang, type));
      return lang === 'fr' ? `attendu ${types.join(' ou ')}` : `expected ${types.join(' or ')}`;
    }
    case 'pattern':
      return lang === 'fr' ? `format attendu ${expected}` : `expected format ${expected}`;
    case 'minimum':
      return lang === 'fr' ? `au moins ${expected}` : `at least ${expected}`;
    case 'maximum':
      return lang === 'fr' ? `au plus ${expected}` : `at most ${expected}`;
    case 'minLength':
      return lang === 'fr' ? 'valeur vide' : 'empty value';
    default:
      return lang === 'fr' ? `contrainte « ${params.keyword} » non respectée` : `"${params.keyword}" constraint not met`;
  }
}

const fixed = (fr: string, en: string): Template => (_params, lang) => (lang === 'fr' ? fr : en);

const TEMPLATES: Readonly<Record<string, Template>> = {
  'yaml-syntax': (p, l) => (l === 'fr' ? `syntaxe YAML/JSON invalide : ${reason(p, l)}` : `invalid YAML/JSON syntax: ${reason(p, l)}`),
  'csv-syntax': (p, l) => (l === 'fr' ? `syntaxe CSV invalide : ${reason(p, l)}` : `invalid CSV syntax: ${reason(p, l)}`),
  'field-count': (p, l) =>
    l === 'fr'
      ? `${p.actual} champs au lieu des ${p.expected} de la ligne d'en-tête`
      : `${p.actual} fields instead of the header's ${p.expected}`,
  'missing-header': fixed("fichier vide : une ligne d'en-tête est requise", 'empty file: a header row is required'),
  'missing-column': (p, l) =>
    l === 'fr'
      ? `colonne obligatoire « ${p.column} » absente de la table ${p.table}`
      : `required column "${p.column}" missing from table ${p.table}`,
  'duplicate-column': (p, l) => {
    const first = p.firstColumn === undefined ? '' : l === 'fr' ? ` (déjà en colonne ${p.firstColumn})` : ` (already column ${p.firstColumn})`;
    return l === 'fr' ? `${where(p, l)} apparaît deux fois${first}` : `${where(p, l)} appears twice${first}`;
  },
  'invalid-date': (p, l) =>
    l === 'fr'
      ? `date impossible dans ${where(p, l)} : attendu AAAA-MM-JJ ou JJ/MM/AAAA`
      : `invalid date in ${where(p, l)}: expected YYYY-MM-DD or DD/MM/YYYY`,
  'invalid-timestamp': (p, l) =>
    l === 'fr'
      ? `horodatage invalide dans ${where(p, l)} : attendu AAAA-MM-JJTHH:MM[:SS][+HH:MM] ou JJ/MM/AAAA HH:MM[:SS]`
      : `invalid timestamp in ${where(p, l)}: expected YYYY-MM-DDTHH:MM[:SS][+HH:MM] or DD/MM/YYYY HH:MM[:SS]`,
  'nonexistent-local-time': (p, l) =>
    l === 'fr'
      ? `heure inexistante à Paris (passage à l'heure d'été) dans ${where(p, l)}`
      : `time that does not exist in Paris (spring clock change) in ${where(p, l)}`,
  'invalid-boolean': (p, l) =>
    l === 'fr'
      ? `booléen invalide dans ${where(p, l)} : attendu oui/non, vrai/faux, true/false, 1/0 ou x`
      : `invalid boolean in ${where(p, l)}: expected yes/no, true/false, oui/non, 1/0 or x`,
  'invalid-number': (p, l) => (l === 'fr' ? `nombre invalide dans ${where(p, l)}` : `invalid number in ${where(p, l)}`),
  'unknown-value': (p, l) =>
    l === 'fr' ? `valeur inconnue dans ${where(p, l)} : attendu ${p.expected}` : `unknown value in ${where(p, l)}: expected ${p.expected}`,
  required: (p, l) => (l === 'fr' ? `valeur obligatoire absente dans ${where(p, l)}` : `missing required value in ${where(p, l)}`),
  'duplicate-key': (p, l) =>
    l === 'fr'
      ? `${p.column} en double : déjà présent à la ligne ${p.firstLine}`
      : `duplicate ${p.column}: already on line ${p.firstLine}`,
  schema: (p, l) => (l === 'fr' ? `valeur non conforme dans ${where(p, l)} : ${schemaDetail(p, l)}` : `invalid value in ${where(p, l)}: ${schemaDetail(p, l)}`),
  'missing-partner': fixed(
    'déclarations du partenaire absentes : partner.yaml (ou partner.json) est requis',
    "partner declarations missing: partner.yaml (or partner.json) is required",
  ),
  'conflicting-files': (p, l) =>
    l === 'fr' ? `plusieurs fichiers pour les mêmes données (${p.files}) : n'en garder qu'un` : `several files for the same data (${p.files}): keep one`,
  unreadable: (p, l) => (l === 'fr' ? `fichier illisible : ${reason(p, l)}` : `unreadable file: ${reason(p, l)}`),
  'not-an-array': (p, l) =>
    l === 'fr' ? `la table ${p.table} doit être une liste JSON d'objets` : `table ${p.table} must be a JSON array of objects`,
  'not-an-object': fixed('un objet JSON (clé : valeur) est attendu ici', 'a JSON object (key: value) is expected here'),
  // scale: the counts that close a file's list of errors or of skipped rows (error-cap.ts), and the streamed JSON reader.
  'more-errors': (p, l) =>
    l === 'fr' ? `… et ${count(p, l)} autres erreurs dans ${p.file}` : `… and ${count(p, l)} more errors in ${p.file}`,
  'more-skipped': (p, l) =>
    l === 'fr' ? `… et ${count(p, l)} autres lignes ignorées dans ${p.file}` : `… and ${count(p, l)} more rows skipped in ${p.file}`,
  'json-not-utf8': fixed('fichier JSON qui n’est pas en UTF-8 : octet invalide ici', 'JSON file not in UTF-8: invalid byte here'),
};

/** A count as a reader writes it: `129 980` in French, `129,980` in English. */
function count(params: Params, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(Number(params.count ?? 0));
}

/** Every input error code the snapshot reader produces. */
export const INPUT_ERROR_CODES: readonly string[] = Object.keys(TEMPLATES);

/** An input error's message, French by default; the value is printed after it, not repeated here. */
export function formatInputError(error: InputError, lang: Lang = 'fr'): string {
  const template = TEMPLATES[error.code];
  // The file is a parameter of the counts' wording only: the place of an error is shown before its message.
  if (template) return template(error.code.startsWith('more-') ? { file: error.file, ...error.params } : (error.params ?? {}), lang);
  const params = error.params ? ` ${JSON.stringify(error.params)}` : '';
  return `${error.code}${params}`;
}
