import type { Lang } from '../i18n/lang.js';
import { reasonText } from '../snapshot/input-error-messages.js';

type Params = Readonly<Record<string, string | number>>;
type Pair = readonly [fr: string, en: string];

/** Codes the snapshot's wording does not have: the walk, the size limit and yaml's rarer codes. */
const REASONS: Readonly<Record<string, Pair>> = {
  ELOOP: ['boucle de liens symboliques', 'symbolic link loop'],
  ENAMETOOLONG: ['chemin trop long', 'path too long'],
  EMFILE: ['trop de fichiers ouverts', 'too many open files'],
  EIO: ["erreur d'entrée-sortie du disque", 'disk input/output error'],
  DANGLING_LINK: ['lien symbolique vers un fichier absent', 'symbolic link to a missing file'],
  LINK_LOOP: ['lien symbolique qui boucle sur un dossier déjà parcouru', 'symbolic link looping back to a folder already read'],
  BAD_ALIAS: ['alias (*nom) sans ancre (&nom) correspondante', 'alias (*name) without a matching anchor (&name)'],
  BAD_DIRECTIVE: ['directive % invalide', 'invalid % directive'],
  BAD_PROP_ORDER: ['ancre ou étiquette mal placée', 'anchor or tag in the wrong place'],
  BLOCK_IN_FLOW: ['bloc à l’intérieur de [ ] ou { }', 'block inside [ ] or { }'],
  KEY_OVER_1024_CHARS: ['clé de plus de 1024 caractères', 'key longer than 1024 characters'],
  MULTIPLE_ANCHORS: ['plusieurs ancres sur une même valeur', 'several anchors on one value'],
  MULTIPLE_TAGS: ['plusieurs étiquettes sur une même valeur', 'several tags on one value'],
  NON_STRING_KEY: ['clé qui n’est pas un texte', 'key that is not a text'],
  RESOURCE_EXHAUSTION: ['alias développés à l’excès', 'aliases expanded too far'],
  TAG_RESOLVE_FAILED: ['étiquette !… inconnue', 'unknown !… tag'],
  BAD_COLLECTION_TYPE: ['type de collection inattendu', 'unexpected collection type'],
  ALIAS_PROPS: ['un alias ne porte ni ancre ni étiquette', 'an alias takes no anchor or tag'],
  NOT_JSON: ['texte YAML mais pas JSON (commentaire, virgule en trop, guillemets simples ?)', 'YAML text but not JSON (a comment, a trailing comma, single quotes?)'],
  IMPOSSIBLE: ['structure YAML impossible à lire', 'unreadable YAML structure'],
};

const KINDS: Readonly<Record<string, Pair>> = {
  folder: ['un dossier', 'a folder'],
  fifo: ['un tube nommé (FIFO)', 'a named pipe (FIFO)'],
  socket: ['une socket', 'a socket'],
  device: ['un périphérique', 'a device'],
  other: ['un fichier spécial', 'a special file'],
};

const TYPES: Readonly<Record<string, Pair>> = {
  string: ['un texte', 'a text'],
  integer: ['un nombre entier', 'an integer'],
  number: ['un nombre', 'a number'],
  boolean: ['un booléen (true ou false)', 'a boolean (true or false)'],
  object: ['un objet (clé : valeur)', 'an object (key: value)'],
  array: ['une liste (- …)', 'a list (- …)'],
  null: ['vide', 'empty'],
};

/** What a `pattern` means for the keys whose pattern is not for people to read. */
const FORMATS: Readonly<Record<string, Pair>> = {
  rule: ['un identifiant de règle, en majuscules et tirets, tel que « vigie rules list » l’affiche', 'a rule ID, in capitals and hyphens, as “vigie rules list” shows it'],
  expires_on: ['une date AAAA-MM-JJ ou JJ/MM/AAAA', 'a date YYYY-MM-DD or DD/MM/YYYY'],
  max_horizon: ['une durée ISO 8601 comme P1Y ou P6M', 'an ISO 8601 duration such as P1Y or P6M'],
  reason: ['un texte non blanc', 'a text that is not blank'],
  approved_by: ['un texte non blanc', 'a text that is not blank'],
  subject: ['un texte non blanc', 'a text that is not blank'],
};

const pick = (pair: Pair, lang: Lang): string => pair[lang === 'fr' ? 0 : 1];

/** 1.5 Mio / 1.5 MiB. */
function bytes(size: number, lang: Lang): string {
  const [unit, divisor] = size >= 1024 * 1024 ? ['Mi', 1024 * 1024] : size >= 1024 ? ['Ki', 1024] : ['', 1];
  const amount = Math.round((size / divisor) * 10) / 10;
  const shown = lang === 'fr' ? String(amount).replace('.', ',') : String(amount);
  return `${shown} ${unit}${lang === 'fr' ? 'o' : 'B'}`;
}

/** The wording of a read or syntax problem code (`ENOENT`, `MISSING_CHAR`, `TOO_LARGE`…). */
function reasonDetail(params: Params, lang: Lang): string {
  const code = String(params.reason);
  if (code === 'TOO_LARGE') {
    const [size, limit] = [bytes(Number(params.size), lang), bytes(Number(params.limit), lang)];
    return lang === 'fr' ? `fichier trop volumineux (${size}, au plus ${limit})` : `file too large (${size}, at most ${limit})`;
  }
  if (code === 'NOT_REGULAR') {
    const kind = pick(KINDS[String(params.kind)] ?? KINDS.other, lang);
    return lang === 'fr' ? `ce n'est pas un fichier ordinaire mais ${kind}` : `not a regular file but ${kind}`;
  }
  const known = REASONS[code];
  if (known) return pick(known, lang);
  return reasonText(code, lang) ?? (lang === 'fr' ? `erreur ${code}` : `error ${code}`);
}

/** One schema violation in words: the key and what was expected (the value is shown next to the message). */
function schemaDetail(params: Params, lang: Lang): string {
  const fr = lang === 'fr';
  const key = String(params.key ?? '');
  // An empty key path is the whole file (an empty file, a list where a map was expected).
  const named = key === '' ? (fr ? 'le contenu du fichier' : 'the content of the file') : fr ? `« ${key} »` : `"${key}"`;
  const expected = params.expected === undefined ? '' : String(params.expected);
  switch (params.keyword) {
    case 'required':
      return fr ? `clé obligatoire ${named} absente` : `required key ${named} missing`;
    case 'additionalProperties':
      return fr ? `clé inconnue ${named}` : `unknown key ${named}`;
    case 'type': {
      const types = expected.split(',').map((type) => pick(TYPES[type] ?? [type, type], lang));
      return fr ? `${named} doit être ${types.join(' ou ')}` : `${named} must be ${types.join(' or ')}`;
    }
    case 'enum':
      return fr ? `valeur inconnue pour ${named} : attendu ${expected}` : `unknown value for ${named}: expected ${expected}`;
    case 'pattern': {
      const format = FORMATS[key] ? pick(FORMATS[key], lang) : expected;
      return fr ? `${named} doit être ${format}` : `${named} must be ${format}`;
    }
    case 'minLength':
      return fr ? `${named} ne doit pas être vide` : `${named} must not be empty`;
    case 'format':
      return fr ? `${named} doit être au format ${expected}` : `${named} must be in the ${expected} format`;
    case 'minimum':
      return fr ? `${named} doit valoir au moins ${expected}` : `${named} must be at least ${expected}`;
    case 'maximum':
      return fr ? `${named} doit valoir au plus ${expected}` : `${named} must be at most ${expected}`;
    case 'minItems':
      return fr ? `${named} doit avoir au moins ${expected} élément(s)` : `${named} must have at least ${expected} item(s)`;
    case 'maxItems':
      return fr ? `${named} doit avoir au plus ${expected} élément(s)` : `${named} must have at most ${expected} item(s)`;
    case 'const':
      return fr ? `${named} doit valoir ${expected}` : `${named} must be ${expected}`;
    default:
      return fr ? `${named} ne respecte pas la contrainte « ${params.keyword} »` : `${named} does not meet the "${params.keyword}" constraint`;
  }
}

/** The `{detail}` of a user-file error in the run's language: a schema violation (`keyword`), a read or syntax problem (`reason`), else the text given. */
export function detailText(params: Params | undefined, lang: Lang): string {
  if (params?.keyword !== undefined) return schemaDetail(params, lang);
  if (params?.reason !== undefined) return reasonDetail(params, lang);
  return String(params?.detail ?? '');
}
