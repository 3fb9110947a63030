import { isInvalidSnapshot, type InvalidSnapshot, type PortfolioEntry } from '../report/portfolio-types.js';
import type { Report } from '../report/report-types.js';

/**
 * The partners of a portfolio, most at risk first: errors, then warnings, then rules not
 * evaluated (each descending), then partner name and snapshot path, so that the order never
 * depends on which worker finished first. Snapshots that could not be read come last, by
 * path: they have no risk to rank, and the exit code 2 already says so.
 */
export function orderByRisk(entries: readonly PortfolioEntry[]): PortfolioEntry[] {
  const reports = entries.filter((entry): entry is Report => !isInvalidSnapshot(entry));
  const invalid = entries.filter(isInvalidSnapshot);
  return [...reports.sort(compareRisk), ...invalid.sort(comparePaths)];
}

function compareRisk(a: Report, b: Report): number {
  return (
    b.summary.error - a.summary.error ||
    b.summary.warning - a.summary.warning ||
    b.summary.rulesNotEvaluated - a.summary.rulesNotEvaluated ||
    compareText(a.snapshot.partner, b.snapshot.partner) ||
    compareText(a.snapshot.path, b.snapshot.path)
  );
}

function comparePaths(a: InvalidSnapshot, b: InvalidSnapshot): number {
  return compareText(a.snapshot.path, b.snapshot.path);
}

// Code-unit order, not the locale's: the same bytes on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
