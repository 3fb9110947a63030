import { Worker } from 'node:worker_threads';
import type { PassPart } from '../stream/pass-part.js';
import { unpackPart, type PackedPart } from './packed-part.js';
import type { StreamTask, TraceProgress, WorkerMessage } from './stream-task.js';

/** A worker thread reading the later part of the traces; `cancel` stops it (input invalid, run over). */
export interface TraceWorker {
  /** Where its part of the trace file starts (bytes): the main thread reads the traces up to there. */
  readonly boundary: number;
  /** Settles once it has ended: true when its pass's state came back, false when it failed or was cancelled. */
  readonly done: Promise<boolean>;
  /** Its pass's state, handed over once so that it is dropped once merged; undefined when it failed or was cancelled, or on a second call. */
  take(): Promise<PassPart | undefined>;
  listen(onProgress: ((event: TraceProgress) => void) | undefined): void;
  cancel(): void;
}

/** The worker's young generation, in MB (V8's default here: 48): its rows die young (docs/PERFORMANCE.md). */
const WORKER_YOUNG_MB = 16;

/** Starts a worker thread that reads the snapshot and the rules itself and streams the later part of the traces. Never rejects. */
export function startTraceWorker(task: StreamTask): TraceWorker {
  let cancel = () => undefined as void;
  let onProgress: ((event: TraceProgress) => void) | undefined;
  let part: PackedPart | undefined;
  const done = new Promise<boolean>((resolve) => {
    let settled = false;
    const settle = (value: PackedPart | undefined) => {
      if (settled) return;
      settled = true;
      part = value;
      resolve(value !== undefined);
      void worker.terminate();
    };
    // Compiled code only: startTraceWorkerFor does not ask for a worker from the sources.
    const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    worker.on('message', (message: WorkerMessage) => {
      if (message.progress) onProgress?.(message.progress);
      if (message.failure !== undefined) settle(undefined);
      if (message.result) settle(message.result);
    });
    worker.on('error', () => settle(undefined));
    worker.on('exit', () => settle(undefined));
    cancel = () => settle(undefined);
  });
  const take = async () => {
    await done;
    const taken = part;
    part = undefined;
    return taken && unpackPart(taken);
  };
  return { boundary: task.traces.boundary, done, take, listen: (listener) => (onProgress = listener), cancel: () => cancel() };
}
