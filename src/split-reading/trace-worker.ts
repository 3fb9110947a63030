import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { listSnapshotFiles } from '../snapshot/snapshot-files.js';
import { isFolder } from '../util/is-folder.js';
import { startTraceWorker, type TraceWorker } from './stream-in-worker.js';
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

/**
 * Below this size of trace file, a second thread saves no time and costs memory: it boots,
 * reads the tables its rules look up a second time, and the two threads slow each other down
 * (measured with 100,000 grants, one thread against two, median of 4: 500,000 traces, 40 MB,
 * 4.15 s against 4.27 s; 700,000, 56 MB, 4.47 s against 4.50 s; 1,000,000, 80 MB, 5.47 s
 * against 5.12 s; two threads take 150 to 250 MiB more).
 */
const WORKER_MIN_BYTES = 64 * 1024 * 1024;

/**
 * How many bytes of traces the worker reads while the main thread does what it does before
 * reading them (loading every table, the rules that do not read the traces): the worker takes
 * half the file plus half of this, so that both threads end their parts together (measured at
 * a million rows, 80 MB: 16 and 24 MiB end 0.3 s apart, one way or the other; 20 MiB, together).
 */
const MAIN_HEAD_START_BYTES = 20 * 1024 * 1024;

/**
 * Starts the worker thread that reads the later part of the traces, for a snapshot folder
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
  const tracesPath = join(path, traces[0]);
  const size = sizeOf(tracesPath);
  const forced = process.env.VIGIE_TRACE_WORKER === '1';
  if (!forced && size < WORKER_MIN_BYTES) return undefined;
  // Forced (tests), the file is cut in its middle, where the worker's part is best checked.
  const boundary = await lineStartAfter(tracesPath, size, forced ? Math.floor(size / 2) : Math.max(0, Math.floor((size - MAIN_HEAD_START_BYTES) / 2)));
  if (boundary === undefined) return undefined;
  return startTraceWorker({
    source: { path, rulesDirs: options.rulesDirs ?? [], ...(options.config !== undefined ? { config: options.config } : {}) },
    traces: { path: tracesPath, boundary },
    ...(options.asOf ? { asOf: options.asOf } : {}),
    lang: options.lang,
    lenient: options.lenient ?? false,
  });
}

/**
 * The first byte of the first line starting after `offset`, or undefined when there is none
 * within 64 KiB or the file is in UTF-16 (its line feeds are not single bytes).
 */
async function lineStartAfter(path: string, size: number, offset: number): Promise<number | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined;
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const feed = buffer.subarray(0, bytesRead).indexOf(10);
    // A line feed as the file's last byte leaves the worker nothing to read.
    return feed === -1 || offset + feed + 1 >= size ? undefined : offset + feed + 1;
  } finally {
    await handle.close();
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
