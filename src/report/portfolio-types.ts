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

/** Why an entry of a folder of snapshots, or a path of the command line, is not checked. */
export type SkipReason = 'hidden' | 'no-snapshot-files' | 'not-a-snapshot-file' | 'duplicate' | 'unreadable';

/** A path left out of a run, with the reason: named in the portfolio report and on stderr. */
export interface SkippedPath {
  readonly path: string;
  readonly reason: SkipReason;
  /** For `duplicate`: the path, as given, of the same folder or file already in the run. */
  readonly sameAs?: string;
  /** For `unreadable`: `DANGLING_LINK`, `ELOOP`, `NOT_REGULAR` or a Node error code, and what the path is. */
  readonly code?: string;
  readonly kind?: string;
}

/** A portfolio run as the formats render it: the partners in risk order, and what was left out. */
export interface PortfolioRun {
  readonly entries: readonly PortfolioEntry[];
  readonly skipped: readonly SkippedPath[];
}
