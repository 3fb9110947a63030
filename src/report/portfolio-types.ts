import type { DisplayError } from '../diagnostics/display-error.js';
import type { Report } from './report-types.js';

/** A snapshot of a portfolio run that could not be read: its input errors instead of a report. */
export interface InvalidSnapshot {
  readonly snapshot: { readonly path: string };
  readonly errors: readonly DisplayError[];
}

/** One partner of a portfolio run: its report, or why it has none. */
export type PortfolioEntry = Report | InvalidSnapshot;

/** Whether a portfolio entry is a snapshot that could not be read. */
export function isInvalidSnapshot(entry: PortfolioEntry): entry is InvalidSnapshot {
  return !Object.hasOwn(entry, 'findings');
}

/** The reports of a portfolio, without the snapshots that could not be read. */
export function reportsOf(entries: readonly PortfolioEntry[]): Report[] {
  return entries.filter((entry): entry is Report => !isInvalidSnapshot(entry));
}
