import type { Report } from '../report/report-types.js';
import { checkSnapshot, loadCatalogue, type CheckOptions } from '../pipeline/run-check.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { appendAll } from '../util/append-all.js';
import { buildBilan } from '../bilan/build-bilan.js';
import { previousErrors } from '../bilan/previous-errors.js';
import { redactReport } from '../redact/redact-report.js';
import { render } from '../format/registry.js';
import { planOutputs } from '../format/plan-outputs.js';
import { EXIT } from '../report/exit-code.js';
import { invalid, withErrors, type CommandResult } from './command-result.js';
import { writeOutputs } from './write-outputs.js';
import { runOutputClashes } from './output-clash.js';

/** The command line of `vigie bilan`, parsed. */
export interface BilanCommandOptions extends CheckOptions {
  readonly snapshot: string;
  /** `--previous`: last year's snapshot of the same partner, evaluated at its own `extracted_on`. */
  readonly previous?: string;
  readonly formats: readonly string[];
  readonly outputs: readonly string[];
  /** `--redact`: the HMAC key of the pseudonyms; undefined keeps names and e-mails. */
  readonly redactKey?: Buffer;
}

/** `vigie bilan` (CONV art. 16): a document to sign, not a CI gate, so it exits 0 whatever it finds. */
export async function bilanCommand(options: BilanCommandOptions): Promise<CommandResult> {
  const { targets, errors: usage } = planOutputs(options.formats, options.outputs, 'bilan', options.lang);
  if (usage.length > 0) return invalid(usage, 'text');
  const clashes = await runOutputClashes(
    targets.map((target) => ({ option: '--output', file: target.file ?? '' })),
    { snapshots: [options.snapshot, ...(options.previous === undefined ? [] : [options.previous])], files: [options.config], rulesDirs: options.rulesDirs ?? [] },
    options.lang,
  );
  const catalogue = loadCatalogue(options);
  if (clashes.length > 0 || catalogue.errors.length > 0) return invalid([...clashes, ...catalogue.errors], 'text');

  const errors: DisplayError[] = [];
  const current = await checkSnapshot(options.snapshot, catalogue, options);
  if (current.kind === 'invalid') appendAll(errors, current.errors);
  // Last year is judged as it stood then: at its own extracted_on, never at this year's --as-of.
  const previous = options.previous === undefined ? undefined : await checkSnapshot(options.previous, catalogue, { ...options, asOf: undefined });
  if (previous?.kind === 'invalid') appendAll(errors, previous.errors);
  if (current.kind === 'invalid' || previous?.kind === 'invalid') return invalid(errors, 'text');

  const before = previous?.kind === 'report' ? previous.report : undefined;
  const mismatch = previous?.kind === 'report' ? previousErrors(current, previous, options.previous as string, options.lang) : [];
  if (mismatch.length > 0) return invalid(mismatch, 'text');
  // Redaction keeps fingerprints, so last year's findings still match this year's.
  const shown = (report: Report) => (options.redactKey ? redactReport(report, options.redactKey, options.lang) : report);
  const bilan = buildBilan(shown(current.report), before && shown(before));
  const written = writeOutputs(
    targets.map((target) => ({ file: target.file, render: () => render('bilan', target.format, bilan, { lang: options.lang }) })),
    options.lang,
  );
  return withErrors(written.stdout, written.errors, EXIT.ok);
}
