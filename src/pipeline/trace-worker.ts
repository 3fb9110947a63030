import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listSnapshotFiles } from '../snapshot/snapshot-files.js';
import { isFolder } from '../util/is-folder.js';
import { startTraceWorker, type TraceWorker } from '../engine/stream-in-worker.js';
import type { Lang } from '../rules/rule-types.js';

/** What starting the trace worker needs: light enough to run before the rest of vigie is loaded. */
export interface TraceWorkerOptions {
  readonly rulesDirs?: readonly string[];
  readonly config?: string;
  readonly asOf?: string;
  readonly lang: Lang;
  readonly lenient?: boolean;
  readonly onProgress?: (event: { file: string; rows: number; done: boolean }) => void;
  /** Stream the traces on this thread too (a portfolio run already checks one snapshot per core). */
  readonly singleThread?: boolean;
}

/**
 * Below this size of trace file, a second thread costs more than it saves: it boots, and reads
 * the tables its rules look up a second time (measured: 100,000 grants, 250,000 traces, 20 MB,
 * are a draw; 1,000,000 traces, 80 MB, take 25 % less time on two threads).
 */
const WORKER_MIN_BYTES = 24 * 1024 * 1024;

/**
 * Starts the worker thread that evaluates the trace rules of its share, for a snapshot folder
 * with a large CSV trace file, or returns undefined. VIGIE_SINGLE_THREAD=1 keeps everything on
 * the main thread (debugging, tiny machines), as do portfolio workers and runs from the
 * TypeScript sources (tests), where a worker cannot load them; VIGIE_TRACE_WORKER=1 starts it
 * whatever the size (tests of the two-thread path on small samples). This module loads
 * little, so that `vigie check` starts the worker before it loads the rest of itself.
 */
export async function startTraceWorkerFor(path: string, options: TraceWorkerOptions): Promise<TraceWorker | undefined> {
  if (process.env.VIGIE_SINGLE_THREAD === '1' || options.singleThread || import.meta.url.endsWith('.ts') || !isFolder(path)) return undefined;
  const files = await listSnapshotFiles(path).catch(() => undefined);
  const traces = files?.tables.get('traces') ?? [];
  if (traces.length !== 1 || traces[0].toLowerCase().endsWith('.json')) return undefined;
  if (process.env.VIGIE_TRACE_WORKER !== '1' && sizeOf(join(path, traces[0])) < WORKER_MIN_BYTES) return undefined;
  return startTraceWorker(
    {
      source: { path, rulesDirs: options.rulesDirs ?? [], ...(options.config !== undefined ? { config: options.config } : {}) },
      ...(options.asOf ? { asOf: options.asOf } : {}),
      lang: options.lang,
      lenient: options.lenient ?? false,
    },
    options.onProgress,
  );
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
