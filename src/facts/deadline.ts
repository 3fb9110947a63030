import { isIsoDate, parseDuration, shiftDate } from '../util/dates.js';

/** The outcome of "X within delay", the deadline rule of the contract. */
export interface DeadlineOutcome {
  /** `none`: the starting event has not happened by D; `pending`: still inside its delay. */
  readonly status: 'none' | 'pending' | 'met' | 'missed';
  readonly start?: string;
  readonly due?: string;
  readonly done?: string;
}

/** "X within delay": missed when X happened after the deadline, or not by D with the deadline past; pending while inside its delay (events after D have not happened). */
export function deadlineOutcome(start: unknown, delay: unknown, doneValue: unknown, asOf: string): DeadlineOutcome {
  if (!isIsoDate(start) || start > asOf) return { status: 'none' };
  const duration = parseDuration(delay);
  if (!duration) return { status: 'none', start };
  const due = shiftDate(start, duration);
  const done = isIsoDate(doneValue) && doneValue <= asOf ? doneValue : undefined;
  if (done !== undefined) return { status: done > due ? 'missed' : 'met', start, due, done };
  return { status: due < asOf ? 'missed' : 'pending', start, due };
}
