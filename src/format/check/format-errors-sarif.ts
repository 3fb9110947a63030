import type { DisplayError } from '../../diagnostics/display-error.js';
import type { InvalidRun } from '../../report/invalid-run.js';
import { EXIT } from '../../report/exit-code.js';
import { VERSION } from '../../util/version.js';
import type { FormatOptions } from '../format-options.js';
import { errorFile, errorText, isUsageError } from './error-place.js';
import { ruleDescriptor, SARIF_SCHEMA, toUri } from './format-sarif.js';

type Json = Record<string, unknown>;

/**
 * The SARIF 2.1.0 log of a run stopped by input errors: no result (nothing was checked), an
 * invocation with `executionSuccessful: false` and one error notification per input error at
 * its file, line and column; the catalogue as `tool.driver.rules` when it could be loaded.
 */
export function formatErrorsSarif(run: InvalidRun, options: FormatOptions): string {
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [errorsSarifRun(run, options)] }, null, 2)}\n`;
}

/** The run object alone, for a portfolio log where some snapshots could not be read. */
export function errorsSarifRun(run: InvalidRun, options: FormatOptions, automationId?: string): Json {
  return {
    tool: { driver: { name: 'vigie', version: VERSION, semanticVersion: VERSION, rules: run.rules.map((rule) => ruleDescriptor(rule, options)) } },
    ...(automationId === undefined ? {} : { automationDetails: { id: automationId } }),
    invocations: [
      {
        executionSuccessful: false,
        exitCode: EXIT.invalid,
        toolExecutionNotifications: run.errors.map((error) => notification(error, options)),
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
    properties: { code: error.code, ...(error.value === undefined ? {} : { value: error.value }) },
  };
}

function physicalLocation(error: DisplayError, options: FormatOptions): Json {
  const region = error.line > 0 ? { startLine: error.line, ...(error.column > 0 ? { startColumn: error.column } : {}) } : undefined;
  return { artifactLocation: { uri: toUri(errorFile(error, options.baseDir)) }, ...(region ? { region } : {}) };
}
