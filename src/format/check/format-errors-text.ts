import { errorLine } from '../../diagnostics/display-error.js';
import type { InvalidRun } from '../../report/invalid-run.js';

/** The error lines of a run stopped by input errors, one `FILE:LINE:COLUMN: message (value)` each, as stderr shows them. */
export function formatErrorsText(run: InvalidRun): string {
  return run.errors.map((error) => `${errorLine(error)}\n`).join('');
}
