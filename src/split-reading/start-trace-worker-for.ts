import { join } from 'node:path';
import { listSnapshotFiles } from '../snapshot/snapshot-files.js';
import { isFolder } from '../util/is-folder.js';
import { traceBoundary } from './trace-boundary.js';
import { startTraceWorker, type TraceWorker } from './trace-worker.js';
import type { Lang } from '../i18n/lang.js';

/** What starting the trace worker needs: light enough to run before the rest of vigie is loaded. */
export interface TraceWorkerOptions {
  readonly rulesDirs?: readonly string[];
  readonly config?: string;
  readonly asOf?: string;
  readonly lang: Lang;
  readonly lenient?: boolean;
  /** Stream the traces on this thread too (a portfolio run already checks one snapshot per core). */
  readonly singleThread?: boolean;
}

/** Starts the worker on the later part of a large CSV trace file, or returns undefined (VIGIE_SINGLE_THREAD=1, portfolio workers, the TypeScript sources). */
export async function startTraceWorkerFor(path: string, options: TraceWorkerOptions): Promise<TraceWorker | undefined> {
  if (process.env.VIGIE_SINGLE_THREAD === '1' || options.singleThread || import.meta.url.endsWith('.ts') || !isFolder(path)) return undefined;
  const files = await listSnapshotFiles(path).catch(() => undefined);
  const traces = files?.tables.get('traces') ?? [];
  if (traces.length !== 1 || traces[0].toLowerCase().endsWith('.json')) return undefined;
  const tracesPath = join(path, traces[0]);
  const boundary = await traceBoundary(tracesPath);
  if (boundary === undefined) return undefined;
  return startTraceWorker({
    source: { path, rulesDirs: options.rulesDirs ?? [], ...(options.config !== undefined ? { config: options.config } : {}) },
    traces: { path: tracesPath, boundary },
    ...(options.asOf ? { asOf: options.asOf } : {}),
    lang: options.lang,
    lenient: options.lenient ?? false,
  });
}
