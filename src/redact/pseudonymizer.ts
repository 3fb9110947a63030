import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import type { Lang } from '../i18n/lang.js';
import type { PersonalKind } from './personal-fields.js';
import { normalizePersonal } from './personal-values.js';

// Any e-mail address, known or not: an address in free text is personal wherever it comes from.
const EMAIL = String.raw`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`;
// Any IP address likewise. IPv4 octets up to 255, not inside a longer dotted number (`1.2.3.4.5`).
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = String.raw`(?<![\d.])(?:${OCTET}\.){3}${OCTET}(?!\.?\d)`;
// IPv6 candidates (hex groups and colons, maybe an IPv4 tail), checked by node:net in the replacer: `10:47:00` is not one.
const IPV6 = String.raw`(?<![:.])((?:[0-9a-f]{0,4}:){2,7}(?:(?:${OCTET}\.){3}${OCTET}|[0-9a-f]{0,4}))(?![:.]?[0-9a-f])`;
const LETTER_OR_DIGIT = String.raw`[\p{L}\p{N}_]`;

/** Replaces personal values in a text by their pseudonyms. */
export interface Pseudonymize {
  (text: string): string;
  /** The pseudonym of a whole value known to be personal (a `last_name` cell), however short. */
  readonly whole: (value: string) => string;
}

/**
 * Replaces known personal values, every e-mail and every IP address by a pseudonym (`Personne-…`,
 * `anon-…@redacted.invalid`, `tel-…`, `ip-…`): an HMAC of the normalized value, stable per key.
 */
export function createPseudonymizer(key: Buffer, known: ReadonlyMap<string, PersonalKind>, lang: Lang): Pseudonymize {
  const digest = (kind: PersonalKind, value: string) => createHmac('sha256', key).update(`${kind}\u0000${hashedForm(kind, value)}`).digest('hex').slice(0, 8);
  const person = lang === 'fr' ? 'Personne' : 'Person';
  const pseudonym = (value: string): string => {
    const kind = known.get(normalizePersonal(value)) ?? kindByShape(value);
    if (kind === 'email') return `anon-${digest(kind, value)}@redacted.invalid`;
    if (kind === 'ip') return `ip-${digest(kind, value)}`;
    if (kind === 'phone') return `tel-${digest(kind, value)}`;
    return `${person}-${digest(kind, value)}`;
  };
  // One-letter values (an initial) would erase every such letter of every text.
  const names = [...known.keys()].filter((value) => value.length >= 2).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const alternatives = [EMAIL, IPV6, IPV4, ...names.map((value) => escapeRegExp(value).replace(/ /g, String.raw`\s+`))];
  // E-mails first: at one position the whole address wins over a name inside it; IPv6 before IPv4 for `::ffff:10.0.0.1`.
  const pattern = new RegExp(`(?<!${LETTER_OR_DIGIT})(?:${alternatives.join('|')})(?!${LETTER_OR_DIGIT})`, 'giu');
  // The only capturing group is the IPv6 candidate's.
  const replace = (match: string, ipv6: string | undefined) => (ipv6 !== undefined && !isIPv6(ipv6) ? match : pseudonym(match));
  return Object.assign((text: string) => text.replace(pattern, replace), { whole: pseudonym });
}

/** The kind of a value no field declared: an e-mail or IP address by its shape, else a name. */
function kindByShape(value: string): PersonalKind {
  if (new RegExp(`^${EMAIL}$`, 'u').test(value)) return 'email';
  return isIP(value.trim()) === 0 ? 'name' : 'ip';
}

// `::` alone is an address for node:net, but in text it is punctuation.
function isIPv6(candidate: string): boolean {
  return isIP(candidate) === 6 && /[0-9a-f]/i.test(candidate);
}

/** What is hashed: one form per value, so that `2001:DB8:0::1` and `2001:db8::1` share a pseudonym. */
function hashedForm(kind: PersonalKind, value: string): string {
  const normalized = normalizePersonal(value);
  if (kind === 'ip' && isIP(normalized) === 6) return new URL(`http://[${normalized}]/`).hostname.slice(1, -1);
  // `03 27 00 00 00` and `03.27.00.00.00` are one number.
  if (kind === 'phone') return normalized.replace(/[^\d+]/g, '');
  return normalized;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
