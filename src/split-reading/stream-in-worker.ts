import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ConsumerPart, PassPart } from '../stream/pass-part.js';

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
 * builds the same streaming pass as the main thread for the rules that read the traces, so
 * that it can start before the main thread has even loaded the rules.
 */
export interface StreamTask {
  readonly source: WorkerSource;
  /** The trace file, and the byte offset (the start of a line) from which the worker reads it. */
  readonly traces: { readonly path: string; readonly boundary: number };
  /** `--as-of` when given; else the worker takes the snapshot's extracted_on, as the main thread does. */
  readonly asOf?: string;
  readonly lang: 'fr' | 'en';
  readonly lenient: boolean;
}

type Progress = { file: string; rows: number; done: boolean };

/** Bytes moved from the worker with their buffer. */
interface Bytes {
  readonly buffer: ArrayBuffer;
  readonly offset: number;
  readonly length: number;
}

/**
 * A PassPart as it crosses threads (packPart): each consumer's part as the bytes of
 * v8.serialize, moved rather than copied, the rest as a message.
 */
export interface PackedPart {
  readonly rest: Omit<PassPart, 'consumers'>;
  readonly consumers: readonly Bytes[];
}

/**
 * The worker's state ready to post, with the buffers to move. The main thread, still reading
 * its own part, makes objects of them only when it merges them, one consumer at a time, once
 * the worker has ended and its memory is freed (posted as objects, they were all built at once,
 * while both threads' memory peaked).
 */
export function packPart(part: PassPart): { packed: PackedPart; transfer: ArrayBuffer[] } {
  const consumers = part.consumers.map((consumer): Bytes => {
    const bytes = serialize(typeof consumer === 'function' ? consumer() : consumer);
    // A buffer of its own is moved as is; a view into a larger one is copied first.
    const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length;
    return { buffer: own ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), offset: 0, length: bytes.length };
  });
  const { signatures, line, errors, skipped } = part;
  return { packed: { rest: { signatures, line, errors, skipped }, consumers }, transfer: consumers.map((bytes) => bytes.buffer) };
}

/** A packed part whose consumers' parts are deserialized when merged (StreamPass.mergeLater). */
export function unpackPart(packed: PackedPart): PassPart {
  return { ...packed.rest, consumers: packed.consumers.map((bytes) => () => deserialize(Buffer.from(bytes.buffer, bytes.offset, bytes.length)) as ConsumerPart) };
}

/**
 * A worker thread reading the later part of the traces; `cancel` stops it (input invalid, run over).
 */
export interface TraceWorker {
  /** Where its part of the trace file starts (bytes): the main thread reads the traces up to there. */
  readonly boundary: number;
  /** Settles once it has ended: true when its pass's state came back, false when it failed or was cancelled. */
  readonly done: Promise<boolean>;
  /**
   * Its pass's state, handed over once: the worker lets go of it, so that the main thread drops
   * it once merged (a promise resolved with it kept it to the end of the run). Undefined when
   * it failed or was cancelled (the main thread then reads its part), or on a second call.
   */
  take(): Promise<PassPart | undefined>;
  /** Where the rows it has read are reported (their count in its part). */
  listen(onProgress: ((event: Progress) => void) | undefined): void;
  cancel(): void;
}

/**
 * The worker's young generation, in MB (V8's default here is 48: 3 × 16 MB semi-spaces): its
 * rows die young, and a smaller nursery took 12 MiB off the peak at a million traces for the
 * same time (alternate runs, 4 each: 3.93 s, 384–392 MiB against 3.96 s, 390–411 MiB; 8 MB
 * took 20 MiB off but 0.07 s more).
 */
const WORKER_YOUNG_MB = 16;

/**
 * Starts a worker thread that reads the snapshot and the rules itself and streams the later
 * part of the traces for every rule that reads them, so that this reading runs on one core
 * while the other loads the rest, evaluates the other rules, then reads the earlier part.
 * Never rejects.
 */
export function startTraceWorker(task: StreamTask): TraceWorker {
  let cancel = () => undefined as void;
  let onProgress: ((event: Progress) => void) | undefined;
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
    // Compiled code only: src/pipeline/trace-worker.ts does not ask for a worker from the sources.
    const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    worker.on('message', (message: { progress?: Progress; result?: PackedPart; failure?: string }) => {
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
