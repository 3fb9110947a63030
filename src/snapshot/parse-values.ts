import { DateTime } from 'luxon';
import { PARIS } from '../util/dates.js';

/** Why a text did not parse: an input error code, and what the message needs. */
export class ValueFailure {
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {}
}

/** The time zone of timestamps written without an offset. */

const INVALID_DATE = new ValueFailure('invalid-date');
const INVALID_TIMESTAMP = new ValueFailure('invalid-timestamp');
const NONEXISTENT_LOCAL_TIME = new ValueFailure('nonexistent-local-time');
const INVALID_BOOLEAN = new ValueFailure('invalid-boolean');
const INVALID_NUMBER = new ValueFailure('invalid-number');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// French Excel sometimes appends a midnight time to dates; any other time is not a date.
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+0?0[:h]00(?::00)?)?$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const FRENCH_TIMESTAMP = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;

const BOOLEANS = new Map<string, boolean>([
  ['true', true], ['false', false], ['yes', true], ['no', false], ['oui', true], ['non', false],
  ['1', true], ['0', false], ['x', true], ['vrai', true], ['faux', false],
]);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` → ISO `YYYY-MM-DD`; impossible dates (`31/02/2024`) fail. */
export function parseDate(text: string): string | ValueFailure {
  const iso = ISO_DATE.exec(text);
  const french = iso ? undefined : FRENCH_DATE.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : french
      ? [Number(french[3]), Number(french[2]), Number(french[1])]
      : [0, 0, 0];
  if (!isCalendarDate(year, month, day) || year === 0) return INVALID_DATE;
  // An ISO date is its own canonical form: no new string per row.
  return iso ? text : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// UTC offset (ms) of each Paris wall-clock hour, null in the spring gap: offsets change on whole
// hours, so luxon is asked once per hour (docs/PERFORMANCE.md).
const parisOffsets = new Map<number, number | null>();
const HOUR = 3_600_000;

function parisOffsetOfWallHour(wallHour: number): number | null {
  const cached = parisOffsets.get(wallHour);
  if (cached !== undefined) return cached;
  const wall = DateTime.fromMillis(wallHour * HOUR, { zone: 'utc' });
  const local = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour }, { zone: PARIS });
  let offset: number | null = local.hour === wall.hour ? local.offset * 60_000 : null;
  if (offset !== null) {
    // In the autumn the hour happens twice; luxon picks the second, people mean the first.
    const hourBefore = DateTime.fromMillis(local.toMillis() - HOUR, { zone: PARIS });
    if (hourBefore.hour === wall.hour) offset = hourBefore.offset * 60_000;
  }
  if (parisOffsets.size > 100_000) parisOffsets.clear();
  parisOffsets.set(wallHour, offset);
  return offset;
}

/** Minutes east of UTC of `Z`, `+02`, `+0200` or `-05:00`; undefined beyond real offsets. */
function offsetMinutes(designator: string): number | undefined {
  if (designator.toUpperCase() === 'Z') return 0;
  const digits = designator.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (designator[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// Logs repeat the same hour on many rows: an ISO timestamp is parsed in full once per hour and zone.
const hourStarts = new Map<string, number | ValueFailure>();

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

function fastTimestamp(text: string): number | ValueFailure | undefined {
  const length = text.length;
  if (length !== 19 && length !== 20 && length !== 25) return undefined;
  const separator = text.charCodeAt(10);
  if ((separator !== 84 && separator !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const m1 = digitAt(text, 14);
  const m2 = digitAt(text, 15);
  const s1 = digitAt(text, 17);
  const s2 = digitAt(text, 18);
  if (m1 < 0 || m2 < 0 || s1 < 0 || s2 < 0 || m1 > 5 || s1 > 5) return undefined;
  // Consecutive rows mostly share their hour: compare with the last one of the same length first.
  const last = lastHours[length - 19];
  let start: number | ValueFailure | undefined;
  if (last !== undefined && sameHour(text, last.text, length)) start = last.start;
  else {
    start = hourStartOf(text);
    // A copy: the row's text is cut from a chunk of the file that must not stay alive.
    lastHours[length - 19] = { text: JSON.parse(JSON.stringify(text)) as string, start };
  }
  if (start instanceof ValueFailure) return start;
  return start + (m1 * 10 + m2) * 60_000 + (s1 * 10 + s2) * 1000;
}

/** The last timestamp parsed of each length (19, 20 and 25 characters), by length − 19. */
const lastHours: ({ text: string; start: number | ValueFailure } | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];

/** Whether two timestamps of the same length agree up to the hour and on the zone. */
function sameHour(a: string, b: string, length: number): boolean {
  for (let index = 0; index < 13; index++) if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  for (let index = 19; index < length; index++) if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  return true;
}

function hourStartOf(text: string): number | ValueFailure {
  const zone = text.slice(19);
  const key = text.slice(0, 13) + zone;
  let start = hourStarts.get(key);
  if (start === undefined) {
    start = slowTimestamp(`${text.slice(0, 13)}:00:00${zone}`);
    if (hourStarts.size > 100_000) hourStarts.clear();
    // The key is cut from a chunk of the file: kept as is, it would keep that whole chunk alive.
    hourStarts.set(JSON.parse(JSON.stringify(key)) as string, start);
  }
  return start;
}

/** ISO 8601 or `DD/MM/YYYY HH:MM[:SS]` → epoch ms; Europe/Paris time when no offset is written. */
export function parseTimestamp(text: string): number | ValueFailure {
  return fastTimestamp(text) ?? slowTimestamp(text);
}

function slowTimestamp(text: string): number | ValueFailure {
  const iso = ISO_TIMESTAMP.exec(text);
  const french = iso ? undefined : FRENCH_TIMESTAMP.exec(text);
  // Regular expressions: luxon's parser is too slow for large traces.
  if (!iso && !french) return INVALID_TIMESTAMP;
  // Groups: ISO year, month, day, hour, minute, second, fraction, offset; French day, month, year, hour, minute, second.
  const year = Number(iso ? iso[1] : french![3]);
  const month = Number(iso ? iso[2] : french![2]);
  const day = Number(iso ? iso[3] : french![1]);
  const match = (iso ?? french)!;
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const millisecond = iso?.[7] ? Number(iso[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return INVALID_TIMESTAMP;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const zone = iso?.[8];
  if (zone !== undefined) {
    const offset = offsetMinutes(zone);
    return offset === undefined ? INVALID_TIMESTAMP : wall - offset * 60_000;
  }
  const offset = parisOffsetOfWallHour(Math.floor(wall / HOUR));
  return offset === null ? NONEXISTENT_LOCAL_TIME : wall - offset;
}

/** `true/false`, `yes/no`, `oui/non`, `vrai/faux`, `1/0`, `x` (any case). */
export function parseBoolean(text: string): boolean | ValueFailure {
  return BOOLEANS.get(text.toLowerCase()) ?? INVALID_BOOLEAN;
}

/** A decimal number; French forms (`1 234,5`) are accepted. */
export function parseNumber(text: string): number | ValueFailure {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(compact)) return INVALID_NUMBER;
  const value = Number(compact.replace(',', '.'));
  // Hundreds of digits make Infinity: no count or amount is that large.
  return Number.isFinite(value) ? value : INVALID_NUMBER;
}

const INVALID_INTEGER = new ValueFailure('invalid-integer');

/** A whole number exactly representable (at most 2^53 − 1): `1.5`, `1e26` or `.inf` are not counts. */
export function parseInteger(text: string): number | ValueFailure {
  const value = parseNumber(text);
  if (value instanceof ValueFailure) return INVALID_INTEGER;
  return checkInteger(value);
}

/** A number already typed (JSON, YAML) that must be an integer: finite, whole and exact. */
export function checkInteger(value: number): number | ValueFailure {
  return Number.isSafeInteger(value) ? value : INVALID_INTEGER;
}

/** A number already typed (JSON, YAML) that must be finite: `.inf` and `.nan` are no amounts. */
export function checkNumber(value: number): number | ValueFailure {
  return Number.isFinite(value) ? value : INVALID_NUMBER;
}
