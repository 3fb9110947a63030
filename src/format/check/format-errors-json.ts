import type { InvalidRun } from '../../report/invalid-run.js';

/** `{"errors": […]}`: what `--format json` has always printed for invalid input, now in its file too. */
export function formatErrorsJson(run: InvalidRun): string {
  return `${JSON.stringify({ errors: run.errors }, null, 2)}\n`;
}
