import type { Report } from '../report/report-types.js';
import type { FormatOptions } from './format-options.js';
import { formatJson, formatJsonPortfolio } from './format-json.js';
import { formatJunit, formatJunitPortfolio } from './format-junit.js';
import { formatMarkdown } from './format-markdown.js';
import { formatSarif, formatSarifPortfolio } from './format-sarif.js';
import { formatText } from './format-text.js';

export type { FormatOptions } from './format-options.js';

/** A renderer: a pure function of the report. Writing it somewhere is the caller's business. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/** A renderer of a portfolio run (several snapshots) into one document. */
export type PortfolioFormatter = (reports: readonly Report[], options: FormatOptions) => string;

interface FormatEntry {
  readonly single: Formatter;
  /** Formats whose documents cannot be concatenated (JSON, XML) merge the reports themselves. */
  readonly portfolio?: PortfolioFormatter;
}

const FORMATS: Readonly<Record<string, FormatEntry>> = {
  text: { single: formatText },
  json: { single: (report) => formatJson(report), portfolio: (reports) => formatJsonPortfolio(reports) },
  sarif: { single: formatSarif, portfolio: formatSarifPortfolio },
  junit: { single: formatJunit, portfolio: formatJunitPortfolio },
  markdown: { single: formatMarkdown },
};

/** Every static output format, by `--format` name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = Object.fromEntries(Object.entries(FORMATS).map(([name, entry]) => [name, entry.single]));

/** The `--format` names, for usage messages. */
export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATS);

/** Whether `--format NAME` names a static output format. */
export function isFormat(name: string): boolean {
  return Object.hasOwn(FORMATS, name);
}

/** Renders the reports of a run (one, or a portfolio) in a format. */
export function renderReports(reports: readonly Report[], format: string, options: FormatOptions): string {
  const entry = FORMATS[format];
  if (reports.length === 1) return entry.single(reports[0], options);
  if (entry.portfolio) return entry.portfolio(reports, options);
  return reports.map((report) => entry.single(report, options)).join('\n');
}
