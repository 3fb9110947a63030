import type { Lang, Rule } from '../rules/rule-types.js';
import { applyConfig } from '../rules/apply-config.js';
import { BUNDLED_RULES, loadRules, type SharedFacts } from '../rules/load-rules.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { formatInputError } from '../snapshot/input-error-messages.js';
import type { InputError, LoadOptions, Snapshot } from '../snapshot/snapshot-types.js';
import { completeManifest } from '../snapshot/table-read.js';
import { basename, dirname, join } from 'node:path';
import { countSkipped, skippedCount } from '../snapshot/error-cap.js';
import { evaluate } from '../engine/evaluate.js';
import { splitWith, startTraceWorkerFor, type TraceWorker } from '../split-reading/split-reading.js';
import { isFolder } from '../util/is-folder.js';
import { summarize } from '../report/summarize.js';
import type { Report } from '../report/report-types.js';
import { chooseAsOf } from '../util/as-of.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { fromInputError } from '../snapshot/display-input-error.js';
import { fromRuleFileError } from '../rules/rule-error.js';

/** What selects and configures the rules of a run. */
export interface CatalogueOptions {
  /** Extra rule folders (`--rules`); the bundled rules are always loaded first. */
  readonly rulesDirs?: readonly string[];
  readonly config?: string;
  readonly lang: Lang;
}

/** What a check of one snapshot is told besides the rules. */
export interface CheckOptions extends CatalogueOptions {
  readonly asOf?: string;
  readonly lenient?: boolean;
  /** `--strict`: input warnings are errors. */
  readonly strict?: boolean;
  readonly onProgress?: LoadOptions['onProgress'];
  /** Stream the traces on this thread too (a portfolio run already checks one snapshot per core). */
  readonly singleThread?: boolean;
  /** The trace worker already started for this snapshot (src/split-reading/); this run cancels it when done. */
  readonly traceWorker?: TraceWorker;
}

/** The rules of a run, configured, or the errors that prevent using them. */
export interface Catalogue {
  readonly rules: readonly Rule[];
  readonly shared: SharedFacts;
  readonly errors: readonly DisplayError[];
  /** `waivers.max_horizon` of `--config`, when it sets one. */
  readonly waiverHorizon?: string;
}

/** Loads the bundled rules, any `--rules` folders and the `--config` overrides. */
export function loadCatalogue(options: CatalogueOptions): Catalogue {
  const loaded = loadRules([BUNDLED_RULES, ...(options.rulesDirs ?? [])]);
  const configured = applyConfig(loaded.rules, options.config);
  const errors = [...loaded.errors, ...configured.errors].map((error) => fromRuleFileError(error, options.lang));
  return { rules: configured.rules, shared: loaded.shared, errors, ...(configured.waiverHorizon === undefined ? {} : { waiverHorizon: configured.waiverHorizon }) };
}

/** The report, with the snapshot it was made from for the views that read its tables too (review). */
export type SnapshotOutcome =
  | { readonly kind: 'report'; readonly report: Report; readonly snapshot: Snapshot }
  | { readonly kind: 'invalid'; readonly errors: readonly DisplayError[]; readonly warnings?: readonly DisplayError[] };

/** Reads one snapshot and evaluates the catalogue on it: the whole pipeline of `vigie check`. */
export async function checkSnapshot(path: string, catalogue: Catalogue, options: CheckOptions): Promise<SnapshotOutcome> {
  // The traces are read on the other core from the start while this thread reads the rest.
  const worker = options.traceWorker ?? (await startTraceWorkerFor(path, options));
  try {
    return await checkLoaded(path, catalogue, options, worker);
  } finally {
    worker?.cancel();
  }
}

async function checkLoaded(
  path: string,
  catalogue: Catalogue,
  options: CheckOptions,
  worker: TraceWorker | undefined,
): Promise<SnapshotOutcome> {
  const loaded = await loadSnapshot(path, { lenient: options.lenient, strict: options.strict, onProgress: options.onProgress, asOf: options.asOf });
  const root = isFolder(path) ? path : undefined;
  const warnings = loaded.warnings.map((warning) => shownWarning(warning, path, root, options));
  if (loaded.errors.length > 0 || !loaded.snapshot) {
    return { kind: 'invalid', errors: loaded.errors.map((error) => fromInputError(error, root, options.lang)), warnings };
  }
  const asOf = chooseAsOf(options.asOf, loaded.snapshot.partner.data.extracted_on);
  const traces = loaded.snapshot.tables.get('traces');
  // The worker started for a CSV trace file; JSON traces are streamed on this thread alone.
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
    return { kind: 'invalid', errors: evaluation.errors.map((error) => fromInputError(error, root, options.lang)), warnings };
  }
  shared?.finish();
  // The manifest: how each file was read, the streamed traces' rows counted by the pass (both threads' parts).
  const report: Report = { ...evaluation.report, inputs: { files: completeManifest(loaded.inputs, evaluation.reads), warnings } };
  const skippedRows = [...loaded.skipped, ...evaluation.skipped];
  if (skippedRows.length === 0) return { kind: 'report', report, snapshot: loaded.snapshot };
  // Rows past a file's cap are one entry with their count (error-cap.ts): the summary counts every row.
  const skipped = skippedRows.map((row) => {
    const count = skippedCount(row);
    return { file: row.file, line: row.line, errors: row.errors.map((error) => formatInputError(error, options.lang)), ...(count === undefined ? {} : { count }) };
  });
  return {
    kind: 'report',
    report: { ...report, summary: summarize(report.findings, report.rules, countSkipped(skippedRows)), skipped },
    snapshot: loaded.snapshot,
  };
}


/** A reading warning as errors are shown: its file from the working directory (a single-file snapshot's beside its folder). */
function shownWarning(warning: InputError, path: string, root: string | undefined, options: CheckOptions): DisplayError {
  const shown = fromInputError(warning, root, options.lang);
  return root === undefined && shown.file === basename(path) && shown.file !== path ? { ...shown, file: join(dirname(path), shown.file) } : shown;
}
