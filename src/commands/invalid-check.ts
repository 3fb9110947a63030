import type { Lang } from '../i18n/lang.js';
import { sortErrors, type DisplayError } from '../diagnostics/display-error.js';
import { EXIT } from '../report/exit-code.js';
import type { InvalidRun, RuleSummary } from '../report/invalid-run.js';
import { render } from '../format/registry.js';
import type { OutputTarget } from '../format/plan-outputs.js';
import { withErrors, type CommandResult } from './command-result.js';
import { writeOutputs } from './write-outputs.js';
import { warningLines } from '../format/check/format-errors-text.js';

/**
 * A `vigie check` stopped by input errors: every requested output is still written, carrying
 * the errors (a pipeline's `if: always()` upload finds its SARIF, its JUnit report), stderr
 * lists them, exit 2. An output without a file prints its document on stdout, except text:
 * its error lines are stderr's, printed once.
 */
export function invalidCheck(
  errors: readonly DisplayError[],
  rules: readonly RuleSummary[],
  targets: readonly OutputTarget[],
  lang: Lang,
  warnings: readonly DisplayError[] = [],
): CommandResult {
  const run: InvalidRun = { errors: sortErrors(errors), rules, ...(warnings.length > 0 ? { warnings: sortErrors(warnings) } : {}) };
  const outputs = targets
    .filter((target) => target.file || target.format !== 'text')
    .map((target) => ({
      // An empty --output prints, as it does for a report.
      file: target.file || undefined,
      render: () => render('errors', target.format, run, { lang, baseDir: process.cwd() }),
    }));
  const written = writeOutputs(outputs, lang);
  const result = withErrors(written.stdout, [...run.errors, ...written.errors], EXIT.invalid);
  // The warnings follow the error lines, under a title so that no tool takes them for errors.
  return { ...result, stderr: `${result.stderr}${warningLines(run.warnings ?? [], lang)}` };
}
