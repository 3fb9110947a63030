import { statSync } from 'node:fs';
import { listSnapshotFiles } from '../snapshot/snapshot-files.js';
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
 * Starts the worker thread that streams the traces of a snapshot folder with a CSV trace
 * file, or returns undefined. VIGIE_SINGLE_THREAD=1 keeps everything on the main thread
 * (debugging, tiny machines), as do portfolio workers and runs from the TypeScript sources
 * (tests), where a worker cannot load them. This module loads little, so that `vigie check`
 * starts the worker before it loads the rest of itself.
 */
export async function startTraceWorkerFor(path: string, options: TraceWorkerOptions): Promise<TraceWorker | undefined> {
  if (process.env.VIGIE_SINGLE_THREAD === '1' || options.singleThread || import.meta.url.endsWith('.ts') || !isFolder(path)) return undefined;
  const files = await listSnapshotFiles(path).catch(() => undefined);
  const traces = files?.tables.get('traces') ?? [];
  if (traces.length !== 1 || traces[0].toLowerCase().endsWith('.json')) return undefined;
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

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
