import { Duration } from 'luxon';
import { shiftDate } from '../util/dates.js';

const ONE_DAY = Duration.fromObject({ days: 1 });

/** The latest R with R + period ≤ `end`; months clamp, so `end` − period is not always it. */
export function latestStartBefore(end: string, period: Duration): string {
  let day = shiftDate(end, period, -1);
  while (shiftDate(day, period) > end) day = shiftDate(day, ONE_DAY, -1);
  while (shiftDate(shiftDate(day, ONE_DAY), period) <= end) day = shiftDate(day, ONE_DAY);
  return day;
}

/** The last D whose window [D − period, D] holds `start` (2024-02-29 − P1Y = 2023-02-28). */
export function lastDayCovered(start: string, period: Duration): string {
  let day = shiftDate(start, period);
  while (shiftDate(day, period, -1) > start) day = shiftDate(day, ONE_DAY, -1);
  while (shiftDate(shiftDate(day, ONE_DAY), period, -1) <= start) day = shiftDate(day, ONE_DAY);
  return day;
}

/** `start` + n × period, from `start` each time so that a clamped month end does not drift. */
export function nthPeriodAfter(start: string, period: Duration, n: number): string {
  return shiftDate(start, period.mapUnits((value) => value * n));
}

/** Whether a period moves a date forward at all (P0D would never reach an anniversary). */
export function isPositive(period: Duration): boolean {
  return shiftDate('2000-01-01', period) > '2000-01-01';
}
