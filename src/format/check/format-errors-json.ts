import { errorsDocument } from '../../diagnostics/display-error.js';
import type { InvalidRun } from '../../report/invalid-run.js';

/** `{"errors": […]}`: what `--format json` has always printed for invalid input, now in its file too; `truncated` counts by file the errors past a file's cap. */
export function formatErrorsJson(run: InvalidRun): string {
  return `${JSON.stringify({ ...errorsDocument(run.errors), ...(run.warnings && run.warnings.length > 0 ? { warnings: run.warnings } : {}) }, null, 2)}\n`;
}
