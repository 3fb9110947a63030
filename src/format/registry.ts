import type { Lang } from '../rules/rule-types.js';
import type { Report } from '../report/report-types.js';
import { formatJson } from './format-json.js';
import { formatText } from './format-text.js';

export interface FormatOptions {
  readonly lang: Lang;
  readonly color?: boolean;
}

/** A renderer: a pure function of the report. Writing it somewhere is the caller's business. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/** Every static output format, by `--format` name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: (report) => formatJson(report),
};

export function isFormat(name: string): boolean {
  return Object.hasOwn(FORMATTERS, name);
}
