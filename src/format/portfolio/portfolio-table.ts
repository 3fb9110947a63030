import type { Severity } from '../../rules/rule-types.js';
import { fill } from '../../report/labels.js';
import { isInvalidSnapshot, type InvalidSnapshot, type PortfolioEntry } from '../../report/portfolio-types.js';
import type { Report } from '../../report/report-types.js';
import { worstRule } from '../../portfolio/worst-rule.js';
import { formatDate } from '../../util/dates.js';
import { evidencePath } from '../check/evidence-path.js';
import type { FormatOptions } from '../format-options.js';
import { portfolioLabels } from './portfolio-labels.js';

/** A column of the portfolio table. */
export type PortfolioColumn = 'partner' | 'errors' | 'warnings' | 'notEvaluated' | 'waived' | 'new' | 'worst' | 'asOf' | 'snapshot';

/** One cell of a partner's row; `severity` tells a renderer how to stress it. */
export interface PortfolioCell {
  readonly text: string;
  readonly severity?: Severity;
}

/** The portfolio as a table, shared by the text and Markdown views. */
export interface PortfolioTable {
  readonly columns: readonly PortfolioColumn[];
  readonly headers: readonly string[];
  /** Numbers align right. */
  readonly numeric: readonly boolean[];
  /** One row per readable snapshot, in the entries' order (risk order). */
  readonly rows: readonly (readonly PortfolioCell[])[];
  readonly invalid: readonly InvalidSnapshot[];
  readonly total: string;
}

const NUMERIC: ReadonlySet<PortfolioColumn> = new Set(['errors', 'warnings', 'notEvaluated', 'waived', 'new']);

/** The portfolio rows; waiver and new-finding columns only when the run has waivers or a baseline. */
export function portfolioTable(entries: readonly PortfolioEntry[], options: FormatOptions): PortfolioTable {
  const words = portfolioLabels(options.lang);
  const reports = entries.filter((entry): entry is Report => !isInvalidSnapshot(entry));
  const invalid = entries.filter(isInvalidSnapshot);
  const columns: PortfolioColumn[] = [
    'partner', 'errors', 'warnings', 'notEvaluated',
    ...(reports.some((report) => report.summary.waived > 0) ? (['waived'] as const) : []),
    ...(reports.some((report) => report.resolved) ? (['new'] as const) : []),
    'worst', 'asOf', 'snapshot',
  ];
  const rows = reports.map((report) => columns.map((column) => cell(report, column, options)));
  const total = fill(words.total, {
    partners: entries.length,
    errors: reports.filter((report) => report.summary.error > 0).length,
    warnings: reports.filter((report) => report.summary.error === 0 && report.summary.warning > 0).length,
    clean: reports.filter((report) => report.summary.error === 0 && report.summary.warning === 0).length,
    invalid: invalid.length,
  });
  return {
    columns,
    headers: columns.map((column) => words.columns[column]),
    numeric: columns.map((column) => NUMERIC.has(column)),
    rows,
    invalid,
    total,
  };
}

function cell(report: Report, column: PortfolioColumn, options: FormatOptions): PortfolioCell {
  const { summary } = report;
  switch (column) {
    case 'partner':
      return { text: report.snapshot.partner };
    case 'errors':
      return { text: String(summary.error), ...(summary.error > 0 ? { severity: 'error' as const } : {}) };
    case 'warnings':
      return { text: String(summary.warning), ...(summary.warning > 0 ? { severity: 'warning' as const } : {}) };
    case 'notEvaluated':
      return { text: String(summary.rulesNotEvaluated) };
    case 'waived':
      return { text: String(summary.waived) };
    case 'new':
      return { text: String(report.findings.filter((finding) => finding.baseline === 'new' && !finding.waived).length) };
    case 'worst': {
      const worst = worstRule(report);
      return worst ? { text: `${worst.id} (${worst.findings})`, severity: worst.severity } : { text: '—' };
    }
    case 'asOf':
      return { text: formatDate(report.asOf, options.lang) };
    case 'snapshot':
      return { text: evidencePath(report, '', options.baseDir).replace(/\/+$/, '') };
  }
}
