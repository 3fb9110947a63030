import { terminalText } from '../../util/terminal-text.js';
/** Field separators `vigie review --delimiter` accepts: `;` for French Excel (the default), `,` elsewhere. */
export const CSV_DELIMITERS = [';', ','] as const;
/** A field separator vigie writes. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Whether `--delimiter VALUE` is one vigie writes. */
export function isCsvDelimiter(value: string): value is CsvDelimiter {
  return (CSV_DELIMITERS as readonly string[]).includes(value);
}

/** A tab or carriage return at the very start: OWASP lists them with the signs below. */
const CONTROL_START = /^[\t\r]/;
// Blanks, controls and invisible format characters (zero-width space, BOM) a spreadsheet may skip before the sign.
const INVISIBLE_LEAD = /^[\p{White_Space}\p{Cc}\p{Cf}]*/u;
// After NFKC, full-width (＝ ＋ － ＠), small (﹦ ﹢ ﹣ ﹫) and super/subscript forms are the ASCII signs; U+2212 MINUS SIGN stays itself.
const FORMULA_SIGN = /^[=+\-@\u2212]/;

/**
 * Whether a spreadsheet could read the cell as a formula (or a DDE call): it starts with a
 * tab or CR, or its first visible character is `=`, `+`, `-`, `@` or a look-alike of one.
 */
export function startsLikeFormula(value: string): boolean {
  if (CONTROL_START.test(value)) return true;
  const first = String.fromCodePoint(value.slice(INVISIBLE_LEAD.exec(value)?.[0].length ?? 0).codePointAt(0) ?? 0x20);
  return FORMULA_SIGN.test(first.normalize('NFKC'));
}

/** A CSV field safe in a spreadsheet: a leading `'` defuses formulas (OWASP), then RFC 4180 quoting. */
export function csvCell(value: string, delimiter: CsvDelimiter): string {
  // Controls other than tabs and line breaks (quoted below) are shown: a CSV printed to a terminal cannot drive it.
  const neutral = (startsLikeFormula(value) ? `'${value}` : value).replace(CONTROLS_BUT_LINE_BREAKS, terminalText);
  return neutral.includes(delimiter) || /["\r\n\u0085\u2028\u2029]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** C0 (but tab, CR, LF), DEL, C1 and bidirectional controls. */
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One CSV record, CRLF-terminated as RFC 4180 writes it. */
export function csvRecord(values: readonly string[], delimiter: CsvDelimiter): string {
  return `${values.map((value) => csvCell(value, delimiter)).join(delimiter)}\r\n`;
}
