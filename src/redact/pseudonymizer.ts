import { createHmac } from 'node:crypto';
import type { Lang } from '../i18n/lang.js';
import { normalizePersonal, type PersonalKind } from './personal-values.js';

// Any e-mail address, known or not: an address in free text is personal wherever it comes from.
const EMAIL = String.raw`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`;
const LETTER_OR_DIGIT = String.raw`[\p{L}\p{N}_]`;

/** Replaces names and e-mails in a text by their pseudonyms. */
export interface Pseudonymize {
  (text: string): string;
  /** The pseudonym of a whole value known to be personal (a `last_name` cell), however short. */
  readonly whole: (value: string) => string;
}

/** Replaces known personal values and every e-mail by a pseudonym, an HMAC of the value: stable per key. */
export function createPseudonymizer(key: Buffer, known: ReadonlyMap<string, PersonalKind>, lang: Lang): Pseudonymize {
  const digest = (kind: PersonalKind, value: string) => createHmac('sha256', key).update(`${kind}\u0000${normalizePersonal(value)}`).digest('hex').slice(0, 8);
  const person = lang === 'fr' ? 'Personne' : 'Person';
  const pseudonym = (value: string): string => {
    const kind = known.get(normalizePersonal(value)) ?? (new RegExp(`^${EMAIL}$`, 'u').test(value) ? 'email' : 'name');
    return kind === 'email' ? `anon-${digest(kind, value)}@redacted.invalid` : `${person}-${digest(kind, value)}`;
  };
  // One-letter values (an initial) would erase every such letter of every text.
  const names = [...known.keys()].filter((value) => value.length >= 2).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const alternatives = [EMAIL, ...names.map((value) => escapeRegExp(value).replace(/ /g, String.raw`\s+`))];
  // E-mails first: at one position the whole address wins over a name inside it.
  const pattern = new RegExp(`(?<!${LETTER_OR_DIGIT})(?:${alternatives.join('|')})(?!${LETTER_OR_DIGIT})`, 'giu');
  return Object.assign((text: string) => text.replace(pattern, pseudonym), { whole: pseudonym });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
