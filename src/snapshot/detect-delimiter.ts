/** The field delimiters people's CSV exports use. */
export type CsvDelimiter = ',' | ';' | '\t';

const QUOTE = 0x22;
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a CSV file: the candidate found most often in the header line, outside
 * quotes. Ties and a single-column header fall back to the comma of RFC 4180.
 */
export function detectDelimiter(bytes: Uint8Array): CsvDelimiter {
  const counts = [0, 0, 0];
  const codes = CANDIDATES.map((candidate) => candidate.charCodeAt(0));
  let quoted = false;
  for (const byte of bytes) {
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) break;
    else if (!quoted) {
      const index = codes.indexOf(byte);
      if (index >= 0) counts[index]++;
    }
  }
  let best = 0;
  for (let index = 1; index < counts.length; index++) if (counts[index] > counts[best]) best = index;
  return CANDIDATES[best];
}
