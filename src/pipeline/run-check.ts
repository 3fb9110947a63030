import type { Lang, Rule } from '../rules/rule-types.js';
import { applyConfig } from '../rules/apply-config.js';
import { BUNDLED_RULES, loadRules, type SharedFacts } from '../rules/load-rules.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { formatInputError } from '../snapshot/input-error-messages.js';
import type { LoadOptions, Snapshot } from '../snapshot/snapshot-types.js';
import { evaluate, type EvaluateOptions } from '../engine/evaluate.js';
import type { TraceWorker } from '../split-reading/stream-in-worker.js';
import { startTraceWorkerFor } from '../split-reading/trace-worker.js';
import { isFolder } from '../util/is-folder.js';
import { summarize } from '../report/summarize.js';
import type { Report } from '../report/report-types.js';
import { chooseAsOf } from '../util/as-of.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { fromInputError } from '../snapshot/display-input-error.js';
import { fromRuleFileError } from '../rules/rule-error.js';

export interface CatalogueOptions {
  /** Extra rule folders (`--rules`); the bundled rules are always loaded first. */
  readonly rulesDirs?: readonly string[];
  readonly config?: string;
  readonly lang: Lang;
}

export interface CheckOptions extends CatalogueOptions {
  readonly asOf?: string;
  readonly lenient?: boolean;
  readonly onProgress?: LoadOptions['onProgress'];
  /** Stream the traces on this thread too (a portfolio run already checks one snapshot per core). */
  readonly singleThread?: boolean;
  /** The trace worker already started for this snapshot (src/pipeline/trace-worker.ts); this run cancels it when done. */
  readonly traceWorker?: TraceWorker;
}

/** The rules of a run, configured, or the errors that prevent using them. */
export interface Catalogue {
  readonly rules: readonly Rule[];
  readonly shared: SharedFacts;
  readonly errors: readonly DisplayError[];
}

/** Loads the bundled rules, any `--rules` folders and the `--config` overrides. */
export function loadCatalogue(options: CatalogueOptions): Catalogue {
  const loaded = loadRules([BUNDLED_RULES, ...(options.rulesDirs ?? [])]);
  const configured = applyConfig(loaded.rules, options.config);
  const errors = [...loaded.errors, ...configured.errors].map((error) => fromRuleFileError(error, options.lang));
  return { rules: configured.rules, shared: loaded.shared, errors };
}

/** The report, with the snapshot it was made from for the views that read its tables too (review). */
export type SnapshotOutcome =
  | { readonly kind: 'report'; readonly report: Report; readonly snapshot: Snapshot }
  | { readonly kind: 'invalid'; readonly errors: readonly DisplayError[] };

/** Reads one snapshot and evaluates the catalogue on it: the whole pipeline of `vigie check`. */
export async function checkSnapshot(path: string, catalogue: Catalogue, options: CheckOptions): Promise<SnapshotOutcome> {
  // The traces are read on the other core from the start, while this thread reads the rest
  // (`vigie check` starts that worker even before loading the rules: options.traceWorker).
  const worker = options.traceWorker ?? (await startTraceWorkerFor(path, options));
  try {
    return await checkLoaded(path, catalogue, options, worker);
  } finally {
    worker?.cancel();
  }
}

/**
 * The reading of the traces split with the worker, whose rows are reported with this
 * thread's: the progress of the trace file is the sum of both parts.
 */
function splitWith(worker: TraceWorker, traces: string, report: CheckOptions['onProgress']): Pick<EvaluateOptions, 'split' | 'onProgress'> & { finish(): void } {
  const split = { boundary: worker.boundary, later: () => worker.take() };
  if (!report) return { split, finish: () => undefined };
  const parts = { mine: { rows: 0, done: false }, theirs: { rows: 0, done: false } };
  // Rows this thread read in scans already over (its part, when it then reads the worker's).
  let before = 0;
  // The scans of this thread that ended: its part, then the worker's should the worker fail.
  let scans = 0;
  let failed = false;
  let last = { file: traces, rows: 0, done: false };
  const emit = () => {
    last = { file: traces, rows: parts.mine.rows + parts.theirs.rows, done: parts.mine.done && parts.theirs.done && (!failed || scans > 1) };
    report(last);
  };
  worker.listen((event) => {
    parts.theirs = event;
    emit();
  });
  // The worker reports nothing more once it failed: this thread then reads its part and the sum goes on.
  void worker.done.then((succeeded) => {
    if (succeeded) return;
    failed = true;
    parts.theirs = { rows: 0, done: true };
  });
  const onProgress: CheckOptions['onProgress'] = (event) => {
    if (event.file !== traces) return report(event);
    if (parts.mine.done) before = parts.mine.rows;
    parts.mine = { rows: before + event.rows, done: event.done };
    if (event.done) scans++;
    emit();
  };
  // Once the evaluation is over, the file is read whatever the way (its first part may have
  // gone on to its end, a quoted cell spanning the cut, while the worker failed).
  const finish = () => {
    if (!last.done) report({ ...last, done: true });
  };
  return { split, onProgress, finish };
}

async function checkLoaded(
  path: string,
  catalogue: Catalogue,
  options: CheckOptions,
  worker: TraceWorker | undefined,
): Promise<SnapshotOutcome> {
  const loaded = await loadSnapshot(path, { lenient: options.lenient, onProgress: options.onProgress });
  const root = isFolder(path) ? path : undefined;
  if (loaded.errors.length > 0 || !loaded.snapshot) {
    return { kind: 'invalid', errors: loaded.errors.map((error) => fromInputError(error, root, options.lang)) };
  }
  const asOf = chooseAsOf(options.asOf, loaded.snapshot.partner.data.extracted_on);
  const traces = loaded.snapshot.tables.get('traces');
  // The worker started for a CSV trace file; held traces (JSON) are read here whole.
  const shared = worker && traces?.scan ? splitWith(worker, traces.file, options.onProgress) : undefined;
  const evaluation = await evaluate(loaded.snapshot, catalogue.rules, catalogue.shared, {
    asOf,
    lang: options.lang,
    lenient: options.lenient,
    onProgress: options.onProgress,
    checkUnread: true,
    ...(shared ? { split: shared.split, ...(shared.onProgress ? { onProgress: shared.onProgress } : {}) } : {}),
  });
  if (!evaluation.report) {
    return { kind: 'invalid', errors: evaluation.errors.map((error) => fromInputError(error, root, options.lang)) };
  }
  shared?.finish();
  const report = evaluation.report;
  const skippedRows = [...loaded.skipped, ...evaluation.skipped];
  if (skippedRows.length === 0) return { kind: 'report', report, snapshot: loaded.snapshot };
  const skipped = skippedRows.map((row) => ({
    file: row.file,
    line: row.line,
    errors: row.errors.map((error) => formatInputError(error, options.lang)),
  }));
  return {
    kind: 'report',
    report: { ...report, summary: summarize(report.findings, report.rules, skipped.length), skipped },
    snapshot: loaded.snapshot,
  };
}

