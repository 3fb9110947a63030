import { DateTime } from 'luxon';
import { PARIS } from '../../src/util/dates.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// Paris changes offset on whole UTC hours, so one luxon look-up per hour serves every trace
// of that hour: formatting millions of rows stays cheap.
const offsetByUtcHour = new Map<number, number>();

/** Minutes east of UTC in Paris at an instant. */
export function parisOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    offset = DateTime.fromMillis(hour * HOUR_MS, { zone: PARIS }).offset;
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `[YYYY-MM-DD, DD/MM/YYYY]` by day number since the epoch, written once per day. */
const dayTexts = new Map<number, readonly [string, string]>();

/** The texts of the day holding a wall-clock instant (ms, read as if UTC). */
function dayOf(wallMs: number): readonly [string, string] {
  const day = Math.floor(wallMs / DAY_MS);
  let texts = dayTexts.get(day);
  if (texts === undefined) {
    const date = new Date(day * DAY_MS);
    const [year, month, dayOfMonth] = [date.getUTCFullYear(), pad2(date.getUTCMonth() + 1), pad2(date.getUTCDate())];
    texts = [`${year}-${month}-${dayOfMonth}`, `${dayOfMonth}/${month}/${year}`];
    dayTexts.set(day, texts);
  }
  return texts;
}

function clockOf(wallMs: number): string {
  const seconds = Math.floor((wallMs % DAY_MS) / 1000);
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

/** How a trace writes its instant: the three shapes found in real exports. */
export type TimestampStyle = 'iso-offset' | 'iso-utc' | 'french-local';

/** `2024-03-05T09:12:33+01:00`, `2024-03-05T08:12:33Z` or `05/03/2024 09:12:33` (Paris time). */
export function formatTimestamp(epochMs: number, style: TimestampStyle): string {
  if (style === 'iso-utc') return `${dayOf(epochMs)[0]}T${clockOf(epochMs)}Z`;
  const offset = parisOffsetMinutes(epochMs);
  const wall = epochMs + offset * 60_000;
  if (style === 'french-local') return `${dayOf(wall)[1]} ${clockOf(wall)}`;
  const sign = offset < 0 ? '-' : '+';
  const magnitude = Math.abs(offset);
  return `${dayOf(wall)[0]}T${clockOf(wall)}${sign}${pad2(Math.floor(magnitude / 60))}:${pad2(magnitude % 60)}`;
}

/** The instant of a Paris wall-clock time on an ISO date. */
export function parisInstant(isoDate: string, hour: number, minute = 0): number {
  return DateTime.fromISO(isoDate, { zone: PARIS }).set({ hour, minute }).toMillis();
}

/** ISO dates from `from` to `to` (both included) that are neither weekends nor `holidays`. */
export function businessDays(from: string, to: string, holidays: ReadonlySet<string>): string[] {
  const days: string[] = [];
  const end = DateTime.fromISO(to, { zone: 'utc' });
  for (let day = DateTime.fromISO(from, { zone: 'utc' }); day <= end; day = day.plus({ days: 1 })) {
    const iso = day.toISODate()!;
    if (day.weekday <= 5 && !holidays.has(iso)) days.push(iso);
  }
  return days;
}

/** `date` plus a number of days, as an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
