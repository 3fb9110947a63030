import { Duration } from 'luxon';
import { shiftDate } from '../util/dates.js';

const ONE_DAY = Duration.fromObject({ days: 1 });

/**
 * The latest day R with R + period on or before `end`: the last day a letter may be received
 * for a notice of `period` to run out by `end`. Month arithmetic clamps, so `end` − period is
 * not always that day (2024-06-30 − P3M = 2024-03-30, yet 2024-03-31 + P3M = 2024-06-30).
 */
export function latestStartBefore(end: string, period: Duration): string {
  let day = shiftDate(end, period, -1);
  while (shiftDate(day, period) > end) day = shiftDate(day, ONE_DAY, -1);
  while (shiftDate(shiftDate(day, ONE_DAY), period) <= end) day = shiftDate(day, ONE_DAY);
  return day;
}

/**
 * The last day D whose look-back window [D − period, D] still holds `start`: how long an
 * event that "covers the `period` that starts on its date" keeps an obligation met
 * (a review on 2023-02-28 still covers 2024-02-29, as 2024-02-29 − P1Y = 2023-02-28).
 */
export function lastDayCovered(start: string, period: Duration): string {
  let day = shiftDate(start, period);
  while (shiftDate(day, period, -1) > start) day = shiftDate(day, ONE_DAY, -1);
  while (shiftDate(shiftDate(day, ONE_DAY), period, -1) <= start) day = shiftDate(day, ONE_DAY);
  return day;
}

/**
 * `start` + n × period, computed from `start` each time rather than anniversary after
 * anniversary, so that a clamped month end does not drift (2023-08-31 + 2 × P1M = 2023-10-31).
 */
export function nthPeriodAfter(start: string, period: Duration, n: number): string {
  return shiftDate(start, period.mapUnits((value) => value * n));
}

/** Whether a period moves a date forward at all (P0D would never reach an anniversary). */
export function isPositive(period: Duration): boolean {
  return shiftDate('2000-01-01', period) > '2000-01-01';
}
