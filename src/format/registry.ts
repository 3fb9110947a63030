import type { Report } from '../report/report-types.js';
import { reportsOf, type PortfolioEntry } from '../report/portfolio-types.js';
import type { FormatOptions } from './format-options.js';
import { formatJson, formatJsonPortfolio } from './check/format-json.js';
import { formatJunit, formatJunitPortfolio } from './check/format-junit.js';
import { formatMarkdown } from './check/format-markdown.js';
import { formatPortfolioMarkdown } from './portfolio/format-portfolio-markdown.js';
import { formatPortfolioText } from './portfolio/format-portfolio-text.js';
import { formatSarif, formatSarifPortfolio } from './check/format-sarif.js';
import { formatText } from './check/format-text.js';

export type { FormatOptions } from './format-options.js';

/** A renderer: a pure function of the report. Writing it somewhere is the caller's business. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/**
 * A renderer of a portfolio run (several snapshots, in risk order) into one document. Entries
 * that could not be read are rendered by the formats made for people and JSON; SARIF and JUnit
 * describe results only, and leave them to stderr and the exit code.
 */
export type PortfolioFormatter = (entries: readonly PortfolioEntry[], options: FormatOptions) => string;

interface FormatEntry {
  readonly single: Formatter;
  readonly portfolio: PortfolioFormatter;
}

const FORMATS: Readonly<Record<string, FormatEntry>> = {
  text: { single: formatText, portfolio: formatPortfolioText },
  json: { single: (report) => formatJson(report), portfolio: (entries) => formatJsonPortfolio(entries) },
  sarif: { single: formatSarif, portfolio: (entries, options) => formatSarifPortfolio(reportsOf(entries), options) },
  junit: { single: formatJunit, portfolio: (entries, options) => formatJunitPortfolio(reportsOf(entries), options) },
  markdown: { single: formatMarkdown, portfolio: formatPortfolioMarkdown },
};

/** Every static output format, by `--format` name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = Object.fromEntries(Object.entries(FORMATS).map(([name, entry]) => [name, entry.single]));

/** The `--format` names, for usage messages. */
export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATS);

/** Whether `--format NAME` names a static output format. */
export function isFormat(name: string): boolean {
  return Object.hasOwn(FORMATS, name);
}

/** Renders the report of a single snapshot in a format. */
export function renderReport(report: Report, format: string, options: FormatOptions): string {
  return FORMATS[format].single(report, options);
}

/** Renders the reports of a run: one report alone, several as a portfolio (in the order given). */
export function renderReports(reports: readonly Report[], format: string, options: FormatOptions): string {
  return reports.length === 1 ? renderReport(reports[0], format, options) : renderPortfolio(reports, format, options);
}

/** Renders a portfolio run (one summary per partner, most at risk first) in a format. */
export function renderPortfolio(entries: readonly PortfolioEntry[], format: string, options: FormatOptions): string {
  return FORMATS[format].portfolio(entries, options);
}
