/** The field delimiters people's CSV exports use. */
export type CsvDelimiter = ',' | ';' | '\t';

const QUOTE = 0x22;
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
const CODES = CANDIDATES.map((candidate) => candidate.charCodeAt(0));

function mostFrequent(counts: readonly number[]): CsvDelimiter {
  let best = 0;
  for (let index = 1; index < counts.length; index++) if (counts[index] > counts[best]) best = index;
  return CANDIDATES[best];
}

/** The candidate found most often outside quotes in the header line; ties fall back to a comma. */
export function detectDelimiter(bytes: Uint8Array): CsvDelimiter {
  let counts = [0, 0, 0];
  // A file of delimiters only (`;;`) is blank rows: split them with their own delimiter.
  let fallback: number[] | undefined;
  let quoted = false;
  let hasText = false;
  for (const byte of bytes) {
    if (byte === QUOTE) {
      quoted = !quoted;
      hasText = true;
    } else if (quoted) continue;
    else if (byte === 0x0a || byte === 0x0d) {
      if (hasText) return mostFrequent(counts);
      if (!fallback && counts.some((count) => count > 0)) fallback = counts;
      counts = [0, 0, 0];
    } else {
      const index = CODES.indexOf(byte);
      if (index >= 0) counts[index]++;
      else if (byte !== 0x20) hasText = true;
    }
  }
  return mostFrequent(hasText || !fallback ? counts : fallback);
}
