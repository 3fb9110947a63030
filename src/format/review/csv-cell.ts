/** Field separators `vigie review --delimiter` accepts: `;` for French Excel (the default), `,` elsewhere. */
export const CSV_DELIMITERS = [';', ','] as const;
/** A field separator vigie writes. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Whether `--delimiter VALUE` is one vigie writes. */
export function isCsvDelimiter(value: string): value is CsvDelimiter {
  return (CSV_DELIMITERS as readonly string[]).includes(value);
}

/** What a spreadsheet reads as the start of a formula (or a DDE call) when a cell begins with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field safe in a spreadsheet: a leading `'` defuses formulas (OWASP), then RFC 4180 quoting. */
export function csvCell(value: string, delimiter: CsvDelimiter): string {
  const neutral = FORMULA_START.test(value) ? `'${value}` : value;
  return neutral.includes(delimiter) || /["\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** One CSV record, CRLF-terminated as RFC 4180 writes it. */
export function csvRecord(values: readonly string[], delimiter: CsvDelimiter): string {
  return `${values.map((value) => csvCell(value, delimiter)).join(delimiter)}\r\n`;
}
