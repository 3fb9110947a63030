import { isInvalidSnapshot, type InvalidSnapshot, type PortfolioEntry } from '../report/portfolio-types.js';
import type { Report } from '../report/report-types.js';

/** Partners most at risk first, by counts then name and path; unreadable snapshots last, by path. */
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
