import type { DisplayError } from '../../diagnostics/display-error.js';
import type { InvalidRun } from '../../report/invalid-run.js';
import { EXIT } from '../../report/exit-code.js';
import type { FormatOptions } from '../format-options.js';
import { errorFile, errorText, isUsageError } from './error-place.js';
import { junitDocument, RUN_SUITE, type TestCase, type TestSuite } from './format-junit.js';

/**
 * The JUnit XML of a run stopped by input errors: a `vigie` suite with one failing case per
 * error, named `FILE:LINE:COLUMN` (`vigie` for a usage error), its message as the failure's.
 */
export function formatErrorsJunit(run: InvalidRun, options: FormatOptions): string {
  return junitDocument([errorsSuite(run.errors, options, '')]);
}

/** The suite alone, its name after `prefix` (a portfolio names the snapshot that could not be read). */
export function errorsSuite(errors: readonly DisplayError[], options: FormatOptions, prefix: string): TestSuite {
  return { name: `${prefix}${RUN_SUITE}`, properties: { exitCode: String(EXIT.invalid) }, cases: errors.map((error) => errorCase(error, options)) };
}

function errorCase(error: DisplayError, options: FormatOptions): TestCase {
  const name = isUsageError(error) ? 'vigie' : `${errorFile(error, options.baseDir)}:${error.line}:${error.column}`;
  const text = errorText(error);
  return { classname: `vigie.${error.code}`, name, failure: { type: error.code, message: text, body: `${name}: ${text}` } };
}
