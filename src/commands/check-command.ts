import { writeFileSync } from 'node:fs';
import type { Lang } from '../rules/rule-types.js';
import { EXIT, exitCodeFor, type FailOn } from '../report/exit-code.js';
import type { Report } from '../report/report-types.js';
import { FORMATTERS } from '../format/registry.js';
import { jsonReport } from '../format/format-json.js';
import { checkSnapshot, loadCatalogue, type Catalogue, type CheckOptions } from '../pipeline/run-check.js';
import { errorLine, sortErrors, type DisplayError } from '../pipeline/display-error.js';
import type { CommandResult } from './command-result.js';

export interface CheckCommandOptions extends CheckOptions {
  readonly snapshots: readonly string[];
  readonly format: string;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly color?: boolean;
  /** Open the Ink app (an interactive terminal, no --format, CI unset). */
  readonly interactive?: boolean;
}

/** `vigie check`: evaluates each snapshot and renders the report(s) in the chosen format. */
export async function checkCommand(options: CheckCommandOptions): Promise<CommandResult> {
  const catalogue = loadCatalogue(options);
  if (catalogue.errors.length > 0) return invalid(catalogue.errors, options.format);
  if (options.interactive && options.snapshots.length === 1) return interactiveCheck(options.snapshots[0], catalogue, options);
  const reports: Report[] = [];
  const errors: DisplayError[] = [];
  for (const path of options.snapshots) {
    const outcome = await checkSnapshot(path, catalogue, options);
    if (outcome.kind === 'invalid') errors.push(...outcome.errors);
    else reports.push(outcome.report);
  }
  if (errors.length > 0 && reports.length === 0) return invalid(errors, options.format);
  const rendered = render(reports, options.format, options.lang, options.color ?? false);
  let stdout = rendered;
  if (options.output) {
    writeFileSync(options.output, rendered);
    stdout = '';
  }
  const stderr = sortErrors(errors).map((error) => `${errorLine(error)}\n`).join('');
  const exitCode = errors.length > 0 ? EXIT.invalid : Math.max(EXIT.ok, ...reports.map((report) => exitCodeFor(report, options.failOn)));
  return { stdout, stderr, exitCode };
}

/** The Ink app, loaded only here so that static formats never load ink or react. */
async function interactiveCheck(path: string, catalogue: Catalogue, options: CheckCommandOptions): Promise<CommandResult> {
  const { runInteractiveCheck } = await import('../tui/run-tui.js');
  let errors: readonly DisplayError[] = [];
  const exitCode = await runInteractiveCheck({
    lang: options.lang,
    load: async (onProgress) => {
      const outcome = await checkSnapshot(path, catalogue, { ...options, onProgress });
      if (outcome.kind === 'report') return outcome.report;
      errors = outcome.errors;
      return undefined;
    },
    exitCodeOf: (report) => exitCodeFor(report, options.failOn),
  });
  if (errors.length > 0) return invalid(errors, 'text');
  return { stdout: '', stderr: '', exitCode };
}

function render(reports: readonly Report[], format: string, lang: Lang, color: boolean): string {
  if (reports.length === 1) return FORMATTERS[format](reports[0], { lang, color });
  if (format === 'json') return `${JSON.stringify({ partners: reports.map(jsonReport) }, null, 2)}\n`;
  return reports.map((report) => FORMATTERS[format](report, { lang, color })).join('\n');
}

/** Invalid input: every error on stderr, and with `--format json` as `{"errors": […]}` on stdout. */
export function invalid(errors: readonly DisplayError[], format: string): CommandResult {
  const sorted = sortErrors(errors);
  return {
    stdout: format === 'json' ? `${JSON.stringify({ errors: sorted }, null, 2)}\n` : '',
    stderr: sorted.map((error) => `${errorLine(error)}\n`).join(''),
    exitCode: EXIT.invalid,
  };
}
