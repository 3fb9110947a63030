import { DateTime, Duration } from 'luxon';

/** The time zone every calendar date of the convention is read in. */
export const PARIS = 'Europe/Paris';

/** True for a `YYYY-MM-DD` string (the canonical date form of a snapshot). */
export function isIsoDate(value: unknown): value is string {
  // Called per grant and trace row: character codes, not a regular expression.
  if (typeof value !== 'string' || value.length !== 10) return false;
  for (let index = 0; index < 10; index++) {
    const code = value.charCodeAt(index);
    if (index === 4 || index === 7 ? code !== 45 : code < 48 || code > 57) return false;
  }
  return true;
}

const durations = new Map<string, Duration | undefined>();

/** Parses an ISO 8601 duration (`P10D`, `P1M`, `P1Y`, `PT10M`); undefined when invalid. */
export function parseDuration(text: unknown): Duration | undefined {
  if (typeof text !== 'string') return undefined;
  if (!durations.has(text)) {
    const duration = Duration.fromISO(text);
    durations.set(text, duration.isValid ? duration : undefined);
  }
  return durations.get(text);
}

const shifted = new Map<string, string>();

/** Shifts a date by an ISO duration; months clamp to the month's end, as the contract's delays mean. */
export function shiftDate(isoDate: string, duration: Duration, sign: 1 | -1 = 1): string {
  // The same few dates are shifted for thousands of records: remember the answers.
  const key = `${isoDate}${sign}${duration.toISO()}`;
  let result = shifted.get(key);
  if (result === undefined) {
    const start = DateTime.fromISO(isoDate, { zone: 'UTC' });
    result = (sign === 1 ? start.plus(duration) : start.minus(duration)).toISODate() as string;
    if (shifted.size > 100_000) shifted.clear();
    shifted.set(key, result);
  }
  return result;
}

/** Today's calendar date in Europe/Paris. */
export function todayInParis(): string {
  return DateTime.now().setZone(PARIS).toISODate() as string;
}

const HOUR = 3_600_000;
const dateOfHour = new Map<number, string>();

/** The Europe/Paris calendar date of an instant (epoch milliseconds); one luxon call per hour seen. */
export function parisDateOf(epochMs: number): string {
  // Paris changes offset on whole hours, so every instant of a UTC hour has the same Paris date.
  const hour = Math.floor(epochMs / HOUR);
  let date = dateOfHour.get(hour);
  if (date === undefined) {
    date = DateTime.fromMillis(hour * HOUR, { zone: PARIS }).toISODate() as string;
    if (dateOfHour.size > 200_000) dateOfHour.clear();
    dateOfHour.set(hour, date);
  }
  return date;
}

/** Renders a date for people: `DD/MM/YYYY` in French, ISO in English. */
export function formatDate(isoDate: string, lang: 'fr' | 'en'): string {
  if (lang === 'en') return isoDate;
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
