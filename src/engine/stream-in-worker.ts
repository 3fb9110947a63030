import { Worker } from 'node:worker_threads';
import type { FactDefinition, Rule } from '../rules/rule-types.js';
import type { InputError, SkippedRow } from '../snapshot/snapshot-types.js';
import type { StreamAggregate, StreamResults } from '../facts/stream-facts.js';

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

/** Streaming results in a form that crosses threads: definitions named by rule and fact. */
export interface SerializedStreams {
  /** The rules the worker streamed: the main thread checks they are the ones it expects. */
  readonly ruleIds: string[];
  readonly facts: [string, string, [string, StreamAggregate][]][];
  readonly entities: [string, string[]][];
  readonly failures: [string, string][];
  readonly errors: InputError[];
  readonly skipped: SkippedRow[];
}

/** Names each streamed definition by its rule and fact, for the other thread. */
export function serializeStreams(rules: readonly Rule[], outcome: { results: StreamResults; errors: InputError[]; skipped: SkippedRow[] }): SerializedStreams {
  const facts: SerializedStreams['facts'] = [];
  for (const rule of rules) {
    for (const [name, definition] of Object.entries(rule.facts)) {
      const aggregates = outcome.results.facts.get(definition);
      if (aggregates) facts.push([rule.id, name, [...aggregates]]);
    }
  }
  return {
    ruleIds: rules.map((rule) => rule.id),
    facts,
    entities: [...outcome.results.entities].map(([rule, keys]) => [rule.id, keys]),
    failures: [...outcome.results.failures].map(([rule, reason]) => [rule.id, reason]),
    errors: outcome.errors,
    skipped: outcome.skipped,
  };
}

/** Ties serialized results back to this thread's rule and fact definitions. */
export function deserializeStreams(rules: readonly Rule[], data: SerializedStreams): { results: StreamResults; errors: InputError[]; skipped: SkippedRow[] } {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const facts = new Map<FactDefinition, Map<string, StreamAggregate>>();
  for (const [ruleId, name, entries] of data.facts) {
    const definition = byId.get(ruleId)?.facts[name];
    if (definition) facts.set(definition, new Map(entries));
  }
  const entities = new Map<Rule, string[]>();
  for (const [ruleId, keys] of data.entities) if (byId.has(ruleId)) entities.set(byId.get(ruleId)!, keys);
  const failures = new Map<Rule, string>();
  for (const [ruleId, reason] of data.failures) if (byId.has(ruleId)) failures.set(byId.get(ruleId)!, reason);
  return { results: { facts, entities, failures }, errors: data.errors, skipped: data.skipped };
}

/** A worker thread streaming the traces; `cancel` stops it (input invalid, run over). */
export interface TraceWorker {
  /** Its results, or undefined when it failed or was cancelled (the pass then runs on the main thread). */
  readonly outcome: Promise<SerializedStreams | undefined>;
  cancel(): void;
}

/**
 * Starts the streaming pass in a worker thread that reads the snapshot and the rules itself,
 * so that the traces are parsed and aggregated on one core while the other reads the rest
 * and evaluates the other rules. Never rejects.
 */
export function startTraceWorker(task: StreamTask, onProgress?: (event: { file: string; rows: number; done: boolean }) => void): TraceWorker {
  let cancel = () => undefined as void;
  const outcome = new Promise<SerializedStreams | undefined>((resolve) => {
    let settled = false;
    const settle = (value: SerializedStreams | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      void worker.terminate();
    };
    // Compiled code only: src/pipeline/trace-worker.ts does not ask for a worker from the sources.
    const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: task });
    worker.on('message', (message: { progress?: { file: string; rows: number; done: boolean }; result?: SerializedStreams; failure?: string }) => {
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
