import { errorLine, type DisplayError } from '../../diagnostics/display-error.js';
import type { Lang } from '../../i18n/lang.js';
import type { InvalidRun } from '../../report/invalid-run.js';
import { SEVERITY_SYMBOL } from '../../report/labels.js';
import type { FormatOptions } from '../format-options.js';
import { inputsLabels } from './inputs-labels.js';

/** The error lines of a run stopped by input errors, one `FILE:LINE:COLUMN: message (value)` each, as stderr shows them. */
export function formatErrorsText(run: InvalidRun, options: FormatOptions): string {
  return `${run.errors.map((error) => `${errorLine(error)}\n`).join('')}${warningLines(run.warnings ?? [], options.lang)}`;
}

/** Reading warnings after the errors: a title, then `  ▲ FILE:LINE:COLUMN: message (value)` each (not taken for error lines); nothing without warnings. */
export function warningLines(warnings: readonly DisplayError[], lang: Lang): string {
  if (warnings.length === 0) return '';
  return `${inputsLabels(lang).warnings} (${warnings.length})\n${warnings.map((warning) => `  ${SEVERITY_SYMBOL.warning} ${errorLine(warning)}\n`).join('')}`;
}
