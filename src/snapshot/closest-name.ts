import { distance } from 'fastest-levenshtein';
import { normalizeHeader } from './normalize-header.js';

/** A known name a misspelt one may stand for: how it is compared, and what it stands for. */
export interface NameCandidate<T> {
  /** The name as the schema writes it (compared on its normalised form). */
  readonly name: string;
  readonly target: T;
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * Whether two normalised names are close enough to suggest one for the other: a few edits
 * (`datedepart` / `datededepart`), one inside the other (`telephone` / `phone`), or, for a
 * short word, a start that is most of it (`duree` / `duration`, a French word for an English
 * key; long names share starts such as `datede` too often for that to mean anything).
 */
function isClose(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter === 0) return false;
  if (distance(a, b) <= Math.max(1, Math.floor(longer / 4))) return true;
  if (shorter >= 4 && (a.includes(b) || b.includes(a))) return true;
  const prefix = commonPrefix(a, b);
  return shorter <= 6 && prefix >= 3 && prefix * 2 >= shorter;
}

/** The candidate closest to a name as written (case, accents, spaces and punctuation aside), or none when nothing is close. */
export function closestName<T>(written: string, candidates: readonly NameCandidate<T>[]): NameCandidate<T> | undefined {
  const key = normalizeHeader(written);
  let best: NameCandidate<T> | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = normalizeHeader(candidate.name);
    if (!isClose(key, other)) continue;
    // Ties go to the first candidate, in schema order: the result does not depend on anything else.
    const edits = distance(key, other);
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}
