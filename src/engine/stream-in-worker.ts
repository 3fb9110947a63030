import { Worker } from 'node:worker_threads';
import type { InputError, SkippedRow } from '../snapshot/snapshot-types.js';
import type { Finding, RuleStatus } from '../report/report-types.js';

/** What a worker needs to read the snapshot and the rules again on its own. */
export interface WorkerSource {
  readonly path: string;
  /** Extra rule folders of the run (`--rules`). */
  readonly rulesDirs: readonly string[];
  /** `--config` of the run: the worker configures the rules as the main thread does. */
  readonly config?: string;
}

/**
 * The message a worker starts with. The worker loads and configures the catalogue itself and
 * takes its share of the trace rules by the same rule as the main thread (rulesForWorker),
 * so that it can start before the main thread has even loaded the rules.
 */
export interface StreamTask {
  readonly source: WorkerSource;
  /** `--as-of` when given; else the worker takes the snapshot's extracted_on, as the main thread does. */
  readonly asOf?: string;
  readonly lang: 'fr' | 'en';
  readonly lenient: boolean;
}

/**
 * What the worker sends back: the outcome of each rule it evaluated (status and findings,
 * plain data that crosses threads as is), or the input errors its reading of the traces met.
 */
export interface WorkerEvaluation {
  /** The rules the worker evaluated: the main thread checks they are the ones it expects. */
  readonly ruleIds: string[];
  /** One per rule of ruleIds, in that order; absent when the traces held input errors. */
  readonly outcomes?: { readonly status: RuleStatus; readonly findings: Finding[] }[];
  readonly errors: InputError[];
  readonly skipped: SkippedRow[];
}

/** A worker thread evaluating the trace rules of its share; `cancel` stops it (input invalid, run over). */
export interface TraceWorker {
  /** Its results, or undefined when it failed or was cancelled (the main thread then evaluates its rules). */
  readonly outcome: Promise<WorkerEvaluation | undefined>;
  cancel(): void;
}

/**
 * Starts a worker thread that reads the snapshot and the rules itself and evaluates its share
 * of the trace rules (streaming the traces, then visiting the entities), so that this work
 * runs on one core while the other reads the rest and evaluates the other rules. Never rejects.
 */
export function startTraceWorker(task: StreamTask, onProgress?: (event: { file: string; rows: number; done: boolean }) => void): TraceWorker {
  let cancel = () => undefined as void;
  const outcome = new Promise<WorkerEvaluation | undefined>((resolve) => {
    let settled = false;
    const settle = (value: WorkerEvaluation | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      void worker.terminate();
    };
    // Compiled code only: src/pipeline/trace-worker.ts does not ask for a worker from the sources.
    const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: task });
    worker.on('message', (message: { progress?: { file: string; rows: number; done: boolean }; result?: WorkerEvaluation; failure?: string }) => {
      if (message.progress) onProgress?.(message.progress);
      if (message.failure !== undefined) settle(undefined);
      if (message.result) settle(message.result);
    });
    worker.on('error', () => settle(undefined));
    worker.on('exit', () => settle(undefined));
    cancel = () => settle(undefined);
  });
  return { outcome, cancel: () => cancel() };
}
