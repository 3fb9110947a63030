import type { Lang } from '../../i18n/lang.js';

/** Words of the input manifest and reading warnings, in every check format. */
const INPUTS_LABELS = {
  fr: {
    files: 'Fichiers lus',
    warnings: 'Avertissements de lecture',
    rows: '{n} ligne(s)',
    skipped: '{n} ignorée(s) (--lenient)',
    streamed: 'lu en flux',
    delimiter: 'séparateur {delimiter}',
    tab: 'tabulation',
    lineEnds: { lf: 'fins de ligne LF', crlf: 'fins de ligne CRLF', cr: 'fins de ligne CR', mixed: 'fins de ligne mélangées', none: 'une seule ligne' },
    ignored: 'colonne(s) ignorée(s) : {columns}',
    lineEndsShort: { lf: 'LF', crlf: 'CRLF', cr: 'CR', mixed: 'mélangées', none: 'une seule ligne' },
    columns: { file: 'Fichier', rows: 'Lignes', skipped: 'Ignorées', encoding: 'Encodage', delimiter: 'Séparateur', lineEnds: 'Fins de ligne', ignored: 'Colonnes ignorées' },
    tuiSummary: 'Fichiers lus : {files} · {rows} ligne(s) · {warnings} avertissement(s) de lecture',
    tuiWarning: 'avertissement',
  },
  en: {
    files: 'Files read',
    warnings: 'Reading warnings',
    rows: '{n} row(s)',
    skipped: '{n} skipped (--lenient)',
    streamed: 'streamed',
    delimiter: 'delimiter {delimiter}',
    tab: 'tab',
    lineEnds: { lf: 'LF line ends', crlf: 'CRLF line ends', cr: 'CR line ends', mixed: 'mixed line ends', none: 'a single line' },
    ignored: 'column(s) ignored: {columns}',
    lineEndsShort: { lf: 'LF', crlf: 'CRLF', cr: 'CR', mixed: 'mixed', none: 'a single line' },
    columns: { file: 'File', rows: 'Rows', skipped: 'Skipped', encoding: 'Encoding', delimiter: 'Delimiter', lineEnds: 'Line ends', ignored: 'Columns ignored' },
    tuiSummary: 'Files read: {files} · {rows} row(s) · {warnings} reading warning(s)',
    tuiWarning: 'warning',
  },
};

/** The manifest words of one language. */
export type InputsLabels = (typeof INPUTS_LABELS)['fr'];

/** The manifest words of a language. */
export function inputsLabels(lang: Lang): InputsLabels {
  return INPUTS_LABELS[lang];
}
