import { EXIT } from '../report/exit-code.js';
import { errorLine, errorsDocument, sortErrors, type DisplayError } from '../diagnostics/display-error.js';

/** What a command hands back to the CLI entry: text to print and the exit code. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Invalid input: every error on stderr, and with `--format json` as `{"errors": […]}` on stdout (with `truncated` counts past a file's cap). */
export function invalid(errors: readonly DisplayError[], format: string): CommandResult {
  const sorted = sortErrors(errors);
  return {
    stdout: format === 'json' ? `${JSON.stringify(errorsDocument(sorted), null, 2)}\n` : '',
    stderr: sorted.map((error) => `${errorLine(error)}\n`).join(''),
    exitCode: EXIT.invalid,
  };
}

/** Outputs written: stdout as rendered, every error on stderr, any of them making the exit code 2. */
export function withErrors(stdout: string, errors: readonly DisplayError[], exitCode: number): CommandResult {
  const stderr = sortErrors(errors)
    .map((error) => `${errorLine(error)}\n`)
    .join('');
  return { stdout, stderr, exitCode: errors.length > 0 ? EXIT.invalid : exitCode };
}
