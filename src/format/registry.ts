import type { Report } from '../report/report-types.js';
import type { PortfolioRun } from '../report/portfolio-types.js';
import type { Bilan } from '../bilan/bilan-types.js';
import type { ReviewList } from '../review/review-types.js';
import type { DeadlinesReport } from '../deadlines/deadline-types.js';
import type { FormatOptions } from './format-options.js';
import type { ReviewFormatOptions } from './review/review-format-options.js';
import { formatJson, formatJsonPortfolio } from './check/format-json.js';
import { formatJunit } from './check/format-junit.js';
import { formatMarkdown } from './check/format-markdown.js';
import { formatSarif } from './check/format-sarif.js';
import { formatText } from './check/format-text.js';
import type { InvalidRun } from '../report/invalid-run.js';
import { formatErrorsJson } from './check/format-errors-json.js';
import { formatErrorsJunit, formatJunitEntries } from './check/format-errors-junit.js';
import { formatErrorsMarkdown } from './check/format-errors-markdown.js';
import { formatErrorsSarif, formatSarifEntries } from './check/format-errors-sarif.js';
import { formatErrorsText } from './check/format-errors-text.js';
import { formatPortfolioMarkdown } from './portfolio/format-portfolio-markdown.js';
import { formatPortfolioText } from './portfolio/format-portfolio-text.js';
import { formatBilanHtml } from './bilan/format-bilan-html.js';
import { formatBilanMarkdown } from './bilan/format-bilan-markdown.js';
import { formatReviewCsv } from './review/format-review-csv.js';
import { formatReviewMarkdown } from './review/format-review-markdown.js';
import { formatDeadlinesJson } from './deadlines/format-deadlines-json.js';
import { formatDeadlinesText } from './deadlines/format-deadlines-text.js';
import { formatIcs } from './deadlines/format-ics.js';

export type { FormatOptions } from './format-options.js';

/** Each document vigie renders, and the options its renderers take. */
interface Documents {
  readonly check: { readonly document: Report; readonly options: FormatOptions };
  /** Several snapshots, in risk order; the unreadable ones with their errors (a SARIF run, a JUnit suite of their own); the paths left out. */
  readonly portfolio: { readonly document: PortfolioRun; readonly options: FormatOptions };
  /** A check stopped by input errors: the errors in each of check's formats, so that every requested output is written. */
  readonly errors: { readonly document: InvalidRun; readonly options: FormatOptions };
  readonly bilan: { readonly document: Bilan; readonly options: FormatOptions };
  readonly review: { readonly document: ReviewList; readonly options: ReviewFormatOptions };
  readonly deadlines: { readonly document: DeadlinesReport; readonly options: FormatOptions };
  /** The `--ics FILE` of `vigie deadlines`: a file of its own, not a `--format`. */
  readonly calendar: { readonly document: DeadlinesReport; readonly options: FormatOptions };
}

/** A document's name in the registry. */
export type DocumentKind = keyof Documents;

/** What a document of that kind is. */
export type DocumentOf<K extends DocumentKind> = Documents[K]['document'];

/** What that document's renderers may be told. */
export type OptionsOf<K extends DocumentKind> = Documents[K]['options'];

/** A renderer: a pure function of its document. Writing it somewhere is the caller's business. */
export type Renderer<K extends DocumentKind> = (document: DocumentOf<K>, options: OptionsOf<K>) => string;

/** How a command reads `--format` and `--output`: in pairs, one run feeding several outputs, or one document to one place. */
export type OutputsRule = 'pairs' | 'single';

interface DocumentFormats<K extends DocumentKind> {
  readonly outputs: OutputsRule;
  /** By `--format` name; the first is the default. */
  readonly renderers: Readonly<Record<string, Renderer<K>>>;
}

const REGISTRY: { readonly [K in DocumentKind]: DocumentFormats<K> } = {
  check: {
    outputs: 'pairs',
    renderers: { text: formatText, json: (report) => formatJson(report), sarif: formatSarif, junit: formatJunit, markdown: formatMarkdown },
  },
  portfolio: {
    outputs: 'pairs',
    renderers: {
      text: (run, options) => formatPortfolioText(run.entries, options, run.skipped),
      json: (run) => formatJsonPortfolio(run.entries, run.skipped),
      sarif: (run, options) => formatSarifEntries(run.entries, options),
      junit: (run, options) => formatJunitEntries(run.entries, options),
      markdown: (run, options) => formatPortfolioMarkdown(run.entries, options, run.skipped),
    },
  },
  errors: {
    outputs: 'pairs',
    renderers: { text: formatErrorsText, json: formatErrorsJson, sarif: formatErrorsSarif, junit: formatErrorsJunit, markdown: formatErrorsMarkdown },
  },
  bilan: { outputs: 'single', renderers: { markdown: formatBilanMarkdown, html: formatBilanHtml } },
  review: { outputs: 'single', renderers: { csv: formatReviewCsv, markdown: formatReviewMarkdown } },
  deadlines: { outputs: 'pairs', renderers: { text: formatDeadlinesText, json: (report) => formatDeadlinesJson(report) } },
  calendar: { outputs: 'single', renderers: { ics: formatIcs } },
};

/** A document's `--format` names, the default first. */
export function formatNames(kind: DocumentKind): readonly string[] {
  return Object.keys(REGISTRY[kind].renderers);
}

/** Whether `--format NAME` names one of the document's formats. */
export function isFormatOf(kind: DocumentKind, name: string): boolean {
  return Object.hasOwn(REGISTRY[kind].renderers, name);
}

/** How the document's command pairs `--format` with `--output`. */
export function outputsRuleOf(kind: DocumentKind): OutputsRule {
  return REGISTRY[kind].outputs;
}

/** Renders a document in one of its formats (a name `isFormatOf` accepted). */
export function render<K extends DocumentKind>(kind: K, format: string, document: DocumentOf<K>, options: OptionsOf<K>): string {
  const renderers: Readonly<Record<string, Renderer<K>>> = REGISTRY[kind].renderers;
  return renderers[format](document, options);
}
