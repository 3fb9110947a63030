import { basename, dirname, join } from 'node:path';
import { EXIT, exitCodeFor, type FailOn } from '../report/exit-code.js';
import type { Report } from '../report/report-types.js';
import { isInvalidSnapshot, reportsOf, type PortfolioEntry } from '../report/portfolio-types.js';
import { render, type FormatOptions } from '../format/registry.js';
import type { OutputTarget } from '../format/plan-outputs.js';
import { checkSnapshot, loadCatalogue, type Catalogue, type CheckOptions } from '../pipeline/run-check.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import type { Waiver } from '../waivers/waiver.js';
import { loadWaivers } from '../waivers/load-waivers.js';
import { applyWaivers } from '../waivers/apply-waivers.js';
import { loadBaseline, type BaselineReport } from '../baseline/load-baseline.js';
import { applyBaseline, previousReportFor } from '../baseline/apply-baseline.js';
import { otherPartnerBaseline, otherPartnerError } from '../baseline/other-partner-baseline.js';
import { redactReport } from '../redact/redact-report.js';
import { createPseudonymizer } from '../redact/pseudonymizer.js';
import { findSnapshots, type SnapshotList } from '../portfolio/find-snapshots.js';
import { skippedLine } from '../portfolio/skipped-messages.js';
import { terminalText } from '../util/terminal-text.js';
import { checkInWorkers } from '../portfolio/check-in-workers.js';
import { orderByRisk } from '../portfolio/order-by-risk.js';
import { invalid, withErrors, type CommandResult } from './command-result.js';
import { writeOutputs } from './write-outputs.js';
import { appendAll } from '../util/append-all.js';
import { runOutputClashes } from './output-clash.js';
import { invalidCheck } from './invalid-check.js';
import type { RuleSummary } from '../report/invalid-run.js';
import type { Lang, Rule } from '../rules/rule-types.js';

/** The command line of `vigie check`, parsed. */
export interface CheckCommandOptions extends CheckOptions {
  readonly snapshots: readonly string[];
  /** Where each rendering goes (`--format` / `--output` pairs); at most one without a file (stdout). */
  readonly targets: readonly OutputTarget[];
  readonly failOn: FailOn;
  readonly color?: boolean;
  readonly waivers?: string;
  readonly baseline?: string;
  /** `--redact`: the HMAC key of the pseudonyms; undefined keeps names and e-mails. */
  readonly redactKey?: Buffer;
  /** Open the Ink app (an interactive terminal, no --format, CI unset). */
  readonly interactive?: boolean;
}

/** What a run adds to the evaluation: waivers and baseline, read once for every snapshot. */
interface RunInputs {
  readonly waivers?: readonly Waiver[];
  readonly baseline?: readonly BaselineReport[];
  readonly waiverHorizon?: string;
}

/** `vigie check`: evaluate (a portfolio in workers), apply waivers and baseline, then write every format. */
export async function checkCommand(options: CheckCommandOptions): Promise<CommandResult> {
  const found = await findSnapshots(options.snapshots);
  const result = await checkFound(found, options);
  // What was left out is said first, whatever the run's outcome: never a partner silently missing.
  const notes = found.skipped.map((skipped) => `${terminalText(skippedLine(skipped, options.lang))}\n`).join('');
  return notes === '' ? result : { ...result, stderr: notes + result.stderr };
}

async function checkFound(found: SnapshotList, options: CheckCommandOptions): Promise<CommandResult> {
  const catalogue = loadCatalogue(options);
  const waivers = options.waivers === undefined ? undefined : loadWaivers(options.waivers, options.lang);
  const baseline = options.baseline === undefined ? undefined : loadBaseline(options.baseline, options.lang);
  // Before anything is evaluated or written: no output may destroy what the run reads, and a
  // clash writes nothing at all (not even the error documents of an invalid run).
  const clashes = await runOutputClashes(
    options.targets.map((target) => ({ option: '--output', file: target.file ?? '' })),
    { snapshots: found.paths, files: [options.config, options.waivers, options.baseline], rulesDirs: options.rulesDirs ?? [] },
    options.lang,
  );
  if (clashes.length > 0) return invalid(redactErrors(clashes, options), jsonErrorsFormat(options.targets));
  const setupErrors = [...catalogue.errors, ...(waivers?.errors ?? []), ...(baseline?.errors ?? [])];
  if (setupErrors.length > 0) return invalidRun(setupErrors, catalogue, options);
  const inputs: RunInputs = { waivers: waivers?.waivers, baseline: baseline?.reports, waiverHorizon: catalogue.waiverHorizon };
  if (found.portfolio) return portfolioCheck(found, catalogue, inputs, options);
  const path = found.paths[0];
  if (options.interactive) return interactiveCheck(path, catalogue, inputs, options);

  const outcome = await checkSnapshot(path, catalogue, options);
  if (outcome.kind === 'invalid') return invalidRun(outcome.errors.map((error) => fromWorkingDirectory(error, path)), catalogue, options, outcome.warnings);
  const otherPartner = baselineErrors([outcome.report], inputs, options, true);
  if (otherPartner.length > 0) return invalidRun(otherPartner, catalogue, options);
  const report = withRunInputs(outcome.report, inputs, options, true);
  const shown = options.redactKey ? redactReport(report, options.redactKey, options.lang) : report;
  return writeRun((format, formatOptions) => render('check', format, shown, formatOptions), exitCodeFor(report, options.failOn), [], options);
}

/** One summary per partner, most at risk first; an unreadable snapshot makes the exit code 2. */
async function portfolioCheck(found: SnapshotList, catalogue: Catalogue, inputs: RunInputs, options: CheckCommandOptions): Promise<CommandResult> {
  const paths = found.paths;
  const outcomes = await checkInWorkers(paths, options);
  const otherPartner = baselineErrors(outcomes.flatMap((outcome) => (outcome.kind === 'report' ? [outcome.report] : [])), inputs, options, false);
  if (otherPartner.length > 0) return invalidRun(otherPartner, catalogue, options);
  const errors: DisplayError[] = [];
  const entries = outcomes.map((outcome, index): PortfolioEntry => {
    if (outcome.kind === 'report') return withRunInputs(outcome.report, inputs, options, false);
    const shown = outcome.errors.map((error) => fromWorkingDirectory(error, paths[index]));
    appendAll(errors, shown);
    return { snapshot: { path: paths[index] }, errors: redactErrors(shown, options) };
  });
  const exitCode = errors.length > 0 ? EXIT.invalid : Math.max(EXIT.ok, ...reportsOf(entries).map((report) => exitCodeFor(report, options.failOn)));
  // Ordered before redaction: pseudonyms must not move a partner up or down.
  const ordered = orderByRisk(entries).map((entry) =>
    options.redactKey && !isInvalidSnapshot(entry) ? redactReport(entry, options.redactKey, options.lang) : entry,
  );
  return writeRun((format, formatOptions) => render('portfolio', format, { entries: ordered, skipped: found.skipped }, formatOptions), exitCode, errors, options);
}

/** A single-file snapshot's errors shown from the working directory, as folder snapshots' are. */
function fromWorkingDirectory(error: DisplayError, path: string): DisplayError {
  return error.file === basename(path) && error.file !== path ? { ...error, file: join(dirname(path), error.file) } : error;
}

/** Every requested format to its file or stdout; an unwritable file makes the exit code 2. */
function writeRun(
  renderAs: (format: string, options: FormatOptions) => string,
  exitCode: number,
  inputErrors: readonly DisplayError[],
  options: CheckCommandOptions,
): CommandResult {
  const outputs = options.targets.map((target) => ({
    // An empty --output prints, as it always has.
    file: target.file || undefined,
    render: () => renderAs(target.format, { lang: options.lang, color: !target.file && options.color, baseDir: process.cwd() }),
  }));
  const written = writeOutputs(outputs, options.lang);
  return withErrors(written.stdout, redactErrors([...inputErrors, ...written.errors], options), exitCode);
}

/** A `--baseline` of another partner than a report's is an error (exit 2), not a run where every finding is new. */
function baselineErrors(reports: readonly Report[], inputs: RunInputs, options: CheckCommandOptions, singleRun: boolean): DisplayError[] {
  if (!inputs.baseline || options.baseline === undefined) return [];
  const errors: DisplayError[] = [];
  for (const report of reports) {
    const other = otherPartnerBaseline(report, inputs.baseline, singleRun);
    if (other) errors.push(otherPartnerError(options.baseline, other, report, options.lang));
  }
  return errors;
}

/** Waivers, then baseline: a waived finding is still new or existing. */
function withRunInputs(report: Report, inputs: RunInputs, options: CheckCommandOptions, singleRun: boolean): Report {
  const waived = inputs.waivers ? applyWaivers(report, inputs.waivers, options.lang, inputs.waiverHorizon) : report;
  return inputs.baseline ? applyBaseline(waived, previousReportFor(waived, inputs.baseline, singleRun)) : waived;
}

/** The Ink app, loaded only here so that static formats never load ink or react. */
async function interactiveCheck(path: string, catalogue: Catalogue, inputs: RunInputs, options: CheckCommandOptions): Promise<CommandResult> {
  const { runInteractiveCheck } = await import('../tui/run-tui.js');
  let errors: readonly DisplayError[] = [];
  const exitCode = await runInteractiveCheck({
    lang: options.lang,
    load: async (onProgress) => {
      const outcome = await checkSnapshot(path, catalogue, { ...options, onProgress });
      if (outcome.kind === 'invalid') {
        errors = outcome.errors;
        return undefined;
      }
      errors = baselineErrors([outcome.report], inputs, options, true);
      if (errors.length > 0) return undefined;
      const report = withRunInputs(outcome.report, inputs, options, true);
      return options.redactKey ? redactReport(report, options.redactKey, options.lang) : report;
    },
    exitCodeOf: (report) => exitCodeFor(report, options.failOn),
  });
  if (errors.length > 0) return invalid(redactErrors(errors, options), 'text');
  return { stdout: '', stderr: '', exitCode };
}

/** With `--redact`, e-mail addresses in input errors (a bad cell's value) are pseudonymized too. */
function redactErrors(errors: readonly DisplayError[], options: CheckCommandOptions): DisplayError[] {
  if (!options.redactKey) return [...errors];
  const redact = createPseudonymizer(options.redactKey, new Map(), options.lang);
  return errors.map((error) => ({ ...error, message: redact(error.message), ...(error.value === undefined ? {} : { value: redact(error.value) }) }));
}

/** Whether errors go to stdout as JSON: the only output is JSON, or JSON goes to stdout. */
function jsonErrorsFormat(targets: readonly OutputTarget[]): string {
  if (targets.length === 1) return targets[0].format;
  return targets.find((target) => !target.file)?.format ?? 'text';
}

/** Input errors stop the run: every requested output carries them instead of a report (invalid-check.ts). */
function invalidRun(errors: readonly DisplayError[], catalogue: Catalogue, options: CheckCommandOptions, warnings: readonly DisplayError[] = []): CommandResult {
  // Rules that failed to load describe no catalogue the run could have evaluated.
  const rules = catalogue.errors.length > 0 ? [] : catalogue.rules.map((rule) => ruleSummary(rule, options.lang));
  return invalidCheck(redactErrors(errors, options), rules, options.targets, options.lang, redactErrors(warnings, options));
}

function ruleSummary(rule: Rule, lang: Lang): RuleSummary {
  return { id: rule.id, title: rule.title[lang], obligation: rule.obligation[lang], severity: rule.severity, category: rule.category, source: rule.source };
}
