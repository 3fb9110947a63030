import { formatDate } from '../util/dates.js';
import type { InputError } from './snapshot-types.js';

type Lang = 'fr' | 'en';
type Params = Readonly<Record<string, string | number>>;
type Template = (params: Params, lang: Lang) => string;

// Bytes and values (#15): encodings, control characters, YAML aliases and nesting, integers.
const BYTES_REASONS: Readonly<Record<string, readonly [fr: string, en: string]>> = {
  TOO_DEEP: [
    'imbrication trop profonde (listes ou objets les uns dans les autres) : le fichier ne peut pas être lu',
    'nested too deep (lists or objects inside one another): the file cannot be read',
  ],
  BAD_ALIAS: ["alias (*nom) sans ancre (&nom) définie avant lui", 'alias (*name) without an anchor (&name) defined before it'],
  ALIAS_COUNT: [
    "alias développés trop de fois (plus de 100) : fichier refusé par prudence",
    "aliases expanded too many times (more than 100): file refused as a precaution",
  ],
};

/** A duplicate key's name and first line, when yaml's error is about one. */
function yamlDetail(params: Params, lang: Lang): string {
  if (params.reason !== 'DUPLICATE_KEY' || params.key === undefined) return '';
  return lang === 'fr' ? ` : « ${params.key} », déjà à la ligne ${params.firstLine}` : `: "${params.key}", already on line ${params.firstLine}`;
}

/** Where a cell or a key is, for the errors of this block. */
function whereValue(params: Params, lang: Lang): string {
  return params.key !== undefined || params.column !== undefined ? (lang === 'fr' ? ` dans ${where(params, lang)}` : ` in ${where(params, lang)}`) : '';
}

const BYTES_TEMPLATES: Readonly<Record<string, Template>> = {
  'mixed-encoding': (p, l) =>
    l === 'fr'
      ? `octets qui ne sont pas de l'UTF-8 (${p.bytes}) dans un fichier en UTF-8 (une ligne collée depuis un fichier Windows-1252 ?) : enregistrer tout le fichier en UTF-8`
      : `bytes that are not UTF-8 (${p.bytes}) in a UTF-8 file (a line pasted from a Windows-1252 file?): save the whole file as UTF-8`,
  'undefined-byte': (p, l) =>
    l === 'fr'
      ? `octet ${p.bytes.toString().split(' ')[0]} ni UTF-8 ni Windows-1252 : encodage inconnu, enregistrer le fichier en UTF-8`
      : `byte ${p.bytes.toString().split(' ')[0]} is neither UTF-8 nor Windows-1252: unknown encoding, save the file as UTF-8`,
  'control-character': (p, l) =>
    l === 'fr'
      ? `caractère de contrôle ${p.character}${whereValue(p, l)} : il n'a pas sa place dans une donnée et changerait une valeur sans se voir`
      : `control character ${p.character}${whereValue(p, l)}: it has no place in data and would change a value unseen`,
  'invalid-integer': (p, l) =>
    l === 'fr'
      ? `nombre entier attendu${whereValue(p, l)} (sans décimale, au plus ${Number.MAX_SAFE_INTEGER})`
      : `integer expected${whereValue(p, l)} (no decimals, at most ${Number.MAX_SAFE_INTEGER})`,
};

/** French and English wording of what yaml, csv-parse and the file system report. */
const REASONS: Readonly<Record<string, readonly [fr: string, en: string]>> = {
  ...BYTES_REASONS,
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
  // Files (#15): links followed, and what is not a regular file.
  DANGLING_LINK: ['lien symbolique vers un fichier absent', 'symbolic link to a missing file'],
  ELOOP: ['boucle de liens symboliques', 'symbolic link loop'],
};

/** What a path that is not a regular file is (`NOT_REGULAR`'s `kind`). */
const KINDS: Readonly<Record<string, readonly [fr: string, en: string]>> = {
  folder: ['un dossier', 'a folder'],
  fifo: ['un tube nommé (FIFO)', 'a named pipe (FIFO)'],
  socket: ['une socket', 'a socket'],
  device: ['un périphérique', 'a device'],
  other: ['un fichier spécial', 'a special file'],
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
  if (code === 'NOT_REGULAR') {
    const kind = pick(KINDS[String(params.kind)] ?? KINDS.other, lang, String(params.kind));
    return lang === 'fr' ? `ce n'est pas un fichier ordinaire mais ${kind}` : `not a regular file but ${kind}`;
  }
  return pick(REASONS[code], lang, code);
}

/** A column in the user's words: its header as written, then vigie's name when it differs (« Profil » (profile)). */
function columnName(params: Params, lang: Lang): string {
  const header = params.header === undefined ? undefined : String(params.header).trim();
  const column = String(params.column);
  const quoted = (text: string) => (lang === 'fr' ? `« ${text} »` : `"${text}"`);
  if (header === undefined || header === '') return quoted(column);
  return header === column ? quoted(header) : `${quoted(header)} (${column})`;
}

/** « la colonne « Profil » (profile) » for a table cell, « la clé « a.b » » for a partner key. */
function where(params: Params, lang: Lang): string {
  if (params.key !== undefined) return lang === 'fr' ? `la clé « ${params.key} »` : `key "${params.key}"`;
  return lang === 'fr' ? `la colonne ${columnName(params, lang)}` : `column ${columnName(params, lang)}`;
}

/** The accepted values of a list as a user may write them: the codes, then their labels. */
function accepted(params: Params, lang: Lang): string {
  const codes = String(params.expected);
  if (params.labels === undefined || params.labels === '') return codes;
  return lang === 'fr' ? `${codes} ou leurs libellés : ${params.labels}` : `${codes} or their labels: ${params.labels}`;
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

/** A date parameter as people read it (`30/06/2024` in French). */
const day = (value: string | number | undefined, lang: Lang): string => formatDate(String(value ?? ''), lang);

const fixed = (fr: string, en: string): Template => (_params, lang) => (lang === 'fr' ? fr : en);

const TEMPLATES: Readonly<Record<string, Template>> = {
  ...BYTES_TEMPLATES,
  'yaml-syntax': (p, l) => (l === 'fr' ? `syntaxe YAML/JSON invalide : ${reason(p, l)}${yamlDetail(p, l)}` : `invalid YAML/JSON syntax: ${reason(p, l)}${yamlDetail(p, l)}`),
  'csv-syntax': (p, l) => (l === 'fr' ? `syntaxe CSV invalide : ${reason(p, l)}` : `invalid CSV syntax: ${reason(p, l)}`),
  'field-count': (p, l) =>
    l === 'fr'
      ? `${p.actual} champs au lieu des ${p.expected} de la ligne d'en-tête`
      : `${p.actual} fields instead of the header's ${p.expected}`,
  'missing-header': fixed("fichier vide : une ligne d'en-tête est requise", 'empty file: a header row is required'),
  'missing-column': (p, l) => {
    // The header a user would write comes first; vigie's name (also accepted) follows.
    const name = p.header === undefined || p.header === p.column ? (l === 'fr' ? `« ${p.column} »` : `"${p.column}"`) : l === 'fr' ? `« ${p.header} » (${p.column})` : `"${p.header}" (${p.column})`;
    return l === 'fr' ? `colonne obligatoire ${name} absente de la table ${p.table}` : `required column ${name} missing from table ${p.table}`;
  },
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
    l === 'fr' ? `valeur inconnue dans ${where(p, l)} : attendu ${accepted(p, l)}` : `unknown value in ${where(p, l)}: expected ${accepted(p, l)}`,
  required: (p, l) => (l === 'fr' ? `valeur obligatoire absente dans ${where(p, l)}` : `missing required value in ${where(p, l)}`),
  'duplicate-key': (p, l) =>
    l === 'fr'
      ? `valeur en double dans ${where(p, l)} : déjà présente à la ligne ${p.firstLine}`
      : `duplicate value in ${where(p, l)}: already on line ${p.firstLine}`,
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
  // Headers and keys vigie does not read, and columns without a header (issue #15, columns).
  'unknown-column': (p, l) => {
    if (p.suggestion === undefined) return l === 'fr' ? `colonne « ${p.header} » inconnue : ignorée` : `unknown column "${p.header}": ignored`;
    return l === 'fr' ? `colonne « ${p.header} » inconnue : vouliez-vous dire « ${p.suggestion} » ?` : `unknown column "${p.header}": did you mean "${p.suggestion}"?`;
  },
  'unknown-key': (p, l) => {
    if (p.suggestion === undefined) return l === 'fr' ? `clé « ${p.key} » inconnue : ignorée` : `unknown key "${p.key}": ignored`;
    return l === 'fr' ? `clé « ${p.key} » inconnue : vouliez-vous dire « ${p.suggestion} » ?` : `unknown key "${p.key}": did you mean "${p.suggestion}"?`;
  },
  'unnamed-column': (p, l) =>
    l === 'fr'
      ? `la colonne ${p.position} n'a pas d'en-tête mais la ligne ${p.firstLine} la remplit : nommer la colonne ou la vider`
      : `column ${p.position} has no header but line ${p.firstLine} fills it: name the column or empty it`,
  // Files (#15), warnings: an --as-of the data cannot speak for (as-of-warnings.ts).
  'as-of-after-export': (p, l) =>
    l === 'fr'
      ? `la date d'évaluation (--as-of ${day(p.asOf, l)}) est ${p.days} jours après l'export (extracted_on ${day(p.extractedOn, l)}) : les traces après cette date ne sont pas connues, les règles qui les jugent jusqu'à la date d'évaluation ne sont pas évaluées`
      : `the as-of date (--as-of ${day(p.asOf, l)}) is ${p.days} days after the export (extracted_on ${day(p.extractedOn, l)}): traces after the export are not known, the rules that judge them up to the as-of date are not evaluated`,
  'as-of-before-data': (p, l) =>
    l === 'fr'
      ? `la date d'évaluation (--as-of ${day(p.asOf, l)}) précède le début des données, la signature de la convention (${day(p.signedOn, l)}) : aucune obligation ne courait encore`
      : `the as-of date (--as-of ${day(p.asOf, l)}) is before the data begins, the signature of the convention (${day(p.signedOn, l)}): no obligation ran yet`,
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
