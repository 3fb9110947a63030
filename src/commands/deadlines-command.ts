import { writeFileSync } from 'node:fs';
import type { DeadlinesReport } from '../deadlines/deadline-types.js';
import type { FormatOptions } from '../format/format-options.js';
import { formatDeadlinesJson } from '../format/deadlines/format-deadlines-json.js';
import { formatDeadlinesText } from '../format/deadlines/format-deadlines-text.js';
import { formatIcs } from '../format/deadlines/format-ics.js';
import type { OutputTarget } from '../format/plan-outputs.js';
import { errorLine, sortErrors, usageError, type DisplayError } from '../diagnostics/display-error.js';
import { runDeadlines, type DeadlinesOptions } from '../deadlines/run-deadlines.js';
import { EXIT } from '../report/exit-code.js';
import type { CommandResult } from './command-result.js';
import { invalid } from './command-result.js';

export interface DeadlinesCommandOptions extends DeadlinesOptions {
  readonly snapshot: string;
  /** `--format text|json` with optional `--output FILE`, in pairs as for check. */
  readonly targets: readonly OutputTarget[];
  /** `--ics FILE`: the coming deadlines as an iCalendar file. */
  readonly ics?: string;
}

const FORMATS: Readonly<Record<string, (report: DeadlinesReport, options: FormatOptions) => string>> = {
  text: formatDeadlinesText,
  json: (report) => formatDeadlinesJson(report),
};

/**
 * `vigie deadlines`: the partner's dated obligations after the as-of date, in every requested
 * format, and with `--ics` as a calendar file. Exit 0, or 2 on invalid input or usage: a
 * deadline is not a breach (what is already late is `vigie check`'s to report).
 */
export async function deadlinesCommand(options: DeadlinesCommandOptions): Promise<CommandResult> {
  const errorFormat = options.targets.find((target) => !target.file)?.format ?? 'text';
  const unsupported = options.targets.filter((target) => !Object.hasOwn(FORMATS, target.format));
  if (unsupported.length > 0) return invalid(unsupported.map((target) => usageError('--format text|json', target.format)), 'text');
  const outcome = await runDeadlines(options.snapshot, options);
  if (outcome.kind === 'invalid') return invalid(outcome.errors, errorFormat);

  const errors: DisplayError[] = [];
  const write = (file: string, text: string) => {
    try {
      writeFileSync(file, text);
    } catch (error) {
      const message = options.lang === 'fr' ? `écriture impossible : ${(error as Error).message}` : `cannot write: ${(error as Error).message}`;
      errors.push({ file, line: 1, column: 1, code: 'output-unwritable', message });
    }
  };
  let stdout = '';
  for (const target of options.targets) {
    const rendered = FORMATS[target.format](outcome.report, { lang: options.lang, baseDir: process.cwd() });
    if (target.file) write(target.file, rendered);
    else stdout += rendered;
  }
  if (options.ics !== undefined) write(options.ics, formatIcs(outcome.report, { lang: options.lang }));
  const stderr = sortErrors(errors)
    .map((error) => `${errorLine(error)}\n`)
    .join('');
  return { stdout, stderr, exitCode: errors.length > 0 ? EXIT.invalid : EXIT.ok };
}
