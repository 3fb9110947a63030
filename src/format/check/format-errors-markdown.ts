import { errorTotal, isOmittedCount, type DisplayError } from '../../diagnostics/display-error.js';
import type { InvalidRun } from '../../report/invalid-run.js';
import { fill, SEVERITY_SYMBOL } from '../../report/labels.js';
import { inputsLabels } from './inputs-labels.js';
import { code, escapeMarkdown } from '../markdown-text.js';
import type { FormatOptions } from '../format-options.js';
import { errorsLabels } from './errors-labels.js';
import { errorFile, isUsageError } from './error-place.js';

/**
 * The Markdown of a run stopped by input errors, for a merge request: how many errors in how
 * many files, then a table of every error (place, message, value).
 */
export function formatErrorsMarkdown(run: InvalidRun, options: FormatOptions): string {
  const words = errorsLabels(options.lang);
  const files = new Set(run.errors.filter((error) => !isUsageError(error)).map((error) => errorFile(error, options.baseDir)));
  const lines = [
    `### ${words.title}`,
    '',
    fill(words.summary, { errors: `**${errorTotal(run.errors)}**`, files: files.size }),
    '',
    `| ${words.place} | ${words.error} | ${words.value} |`,
    '| --- | --- | --- |',
    ...run.errors.filter((error) => !isOmittedCount(error)).map((error) => errorRow(error, options)),
  ];
  // Past a file's cap, its other errors are counted below the table (« … et N autres erreurs dans F »).
  const omitted = run.errors.filter(isOmittedCount);
  if (omitted.length > 0) lines.push('', ...omitted.map((error) => `- ${escapeMarkdown(error.message)}`));
  lines.push(...warningsList(run.warnings ?? [], options));
  return `${lines.join('\n')}\n`;
}

/** The reading warnings under their title, one item each; nothing without warnings. */
function warningsList(warnings: readonly DisplayError[], options: FormatOptions): string[] {
  if (warnings.length === 0) return [];
  const title = inputsLabels(options.lang).warnings;
  return ['', `#### ${title} (${warnings.length})`, '', ...warnings.map((warning) => `- ${SEVERITY_SYMBOL.warning} ${cellCode(`${errorFile(warning, options.baseDir)}:${warning.line}:${warning.column}`)} — ${escapeMarkdown(warning.message)}${warning.value === undefined ? '' : ` (${escapeMarkdown(warning.value)})`}`)];
}

function errorRow(error: DisplayError, options: FormatOptions): string {
  const place = isUsageError(error) ? 'vigie' : `${errorFile(error, options.baseDir)}:${error.line}:${error.column}`;
  return `| ${cellCode(place)} | ${escapeMarkdown(error.message)} | ${escapeMarkdown(error.value ?? '')} |`;
}

/** A code span in a table cell; a pipe or a line break would break the row out of it, so such text is escaped instead. */
function cellCode(text: string): string {
  return /[|\r\n]/.test(text) ? escapeMarkdown(text) : code(text);
}
