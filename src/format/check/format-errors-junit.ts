import type { DisplayError } from '../../diagnostics/display-error.js';
import type { InvalidRun } from '../../report/invalid-run.js';
import { isInvalidSnapshot, type PortfolioEntry } from '../../report/portfolio-types.js';
import { isOmittedCount, sortErrors } from '../../diagnostics/display-error.js';
import { EXIT } from '../../report/exit-code.js';
import type { FormatOptions } from '../format-options.js';
import { errorFile, errorText, fromBaseDir, isUsageError } from './error-place.js';
import { junitDocument, reportSuites, RUN_SUITE, warningsCase, type TestCase, type TestSuite } from './format-junit.js';

/**
 * The JUnit XML of a run stopped by input errors: a `vigie` suite with one failing case per
 * error, named `FILE:LINE:COLUMN` (`vigie` for a usage error), its message as the failure's.
 */
export function formatErrorsJunit(run: InvalidRun, options: FormatOptions): string {
  const suite = errorsSuite(run.errors, options, '');
  const warnings = warningsCase(run.warnings ?? [], options);
  return junitDocument([warnings ? { ...suite, cases: [...suite.cases, warnings] } : suite]);
}

/** A portfolio: every suite named after its partner; a snapshot that could not be read, a `vigie` suite named after its path. */
export function formatJunitEntries(entries: readonly PortfolioEntry[], options: FormatOptions): string {
  return junitDocument(
    entries.flatMap((entry) =>
      isInvalidSnapshot(entry)
        ? [errorsSuite(sortErrors(entry.errors), options, `${fromBaseDir(entry.snapshot.path, options.baseDir)} — `)]
        : reportSuites(entry, options, `${entry.snapshot.partner} — `),
    ),
  );
}

/** The suite alone, its name after `prefix` (a portfolio names the snapshot that could not be read). */
export function errorsSuite(errors: readonly DisplayError[], options: FormatOptions, prefix: string): TestSuite {
  return { name: `${prefix}${RUN_SUITE}`, properties: { exitCode: String(EXIT.invalid) }, cases: errors.map((error) => errorCase(error, options)) };
}

function errorCase(error: DisplayError, options: FormatOptions): TestCase {
  // The count of a file's errors past its cap is one case named after the file.
  const name = isUsageError(error) ? 'vigie' : isOmittedCount(error) ? errorFile(error, options.baseDir) : `${errorFile(error, options.baseDir)}:${error.line}:${error.column}`;
  const text = errorText(error);
  return { classname: `vigie.${error.code}`, name, failure: { type: error.code, message: text, body: `${name}: ${text}` } };
}
