import type { DisplayError } from '../../diagnostics/display-error.js';
import type { InvalidRun } from '../../report/invalid-run.js';
import { isInvalidSnapshot, reportsOf, type PortfolioEntry } from '../../report/portfolio-types.js';
import { sortErrors } from '../../diagnostics/display-error.js';
import { EXIT } from '../../report/exit-code.js';
import { VERSION } from '../../util/version.js';
import type { FormatOptions } from '../format-options.js';
import { errorFile, errorText, fromBaseDir, isUsageError } from './error-place.js';
import { ruleDescriptor, SARIF_SCHEMA, sarifRun, toUri } from './format-sarif.js';
import { warningNotifications } from './sarif-inputs.js';

type Json = Record<string, unknown>;

/**
 * The SARIF 2.1.0 log of a run stopped by input errors: no result (nothing was checked), an
 * invocation with `executionSuccessful: false` and one error notification per input error at
 * its file, line and column; the catalogue as `tool.driver.rules` when it could be loaded.
 */
export function formatErrorsSarif(run: InvalidRun, options: FormatOptions): string {
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [errorsSarifRun(run, options)] }, null, 2)}\n`;
}

/**
 * A portfolio's log: one run per snapshot, in the entries' order; a snapshot that could not be
 * read is a run of its own with its errors, told apart like the others by `automationDetails.id`.
 */
export function formatSarifEntries(entries: readonly PortfolioEntry[], options: FormatOptions): string {
  // The catalogue is the same for every snapshot of a run: the reports' rules describe it.
  const rules = reportsOf(entries)[0]?.rules ?? [];
  const runs = entries.map((entry) =>
    isInvalidSnapshot(entry)
      ? errorsSarifRun({ errors: sortErrors(entry.errors), rules }, options, `vigie/${fromBaseDir(entry.snapshot.path, options.baseDir).replace(/\/+$/, '')}/`)
      : sarifRun(entry, options, entries.length > 1),
  );
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs }, null, 2)}\n`;
}

/** The run object of input errors; `automationId` names it in a portfolio. */
export function errorsSarifRun(run: InvalidRun, options: FormatOptions, automationId?: string): Json {
  return {
    tool: { driver: { name: 'vigie', version: VERSION, semanticVersion: VERSION, rules: run.rules.map((rule) => ruleDescriptor(rule, options)) } },
    ...(automationId === undefined ? {} : { automationDetails: { id: automationId } }),
    invocations: [
      {
        executionSuccessful: false,
        exitCode: EXIT.invalid,
        toolExecutionNotifications: [...run.errors.map((error) => notification(error, options)), ...warningNotifications(run.warnings ?? [], options)],
      },
    ],
    results: [],
  };
}

function notification(error: DisplayError, options: FormatOptions): Json {
  return {
    level: 'error',
    message: { text: errorText(error) },
    // A usage error is about the command line: it has no file to point at.
    ...(isUsageError(error) ? {} : { locations: [{ physicalLocation: physicalLocation(error, options) }] }),
    properties: { code: error.code, ...(error.value === undefined ? {} : { value: error.value }), ...(error.count === undefined ? {} : { count: error.count }) },
  };
}

function physicalLocation(error: DisplayError, options: FormatOptions): Json {
  const region = error.line > 0 ? { startLine: error.line, ...(error.column > 0 ? { startColumn: error.column } : {}) } : undefined;
  return { artifactLocation: { uri: toUri(errorFile(error, options.baseDir)) }, ...(region ? { region } : {}) };
}
