import type { PackedPart } from './packed-part.js';

/** What a worker needs to read the snapshot and the rules again on its own. */
export interface WorkerSource {
  readonly path: string;
  readonly rulesDirs: readonly string[];
  /** `--config` of the run: the worker configures the rules as the main thread does. */
  readonly config?: string;
}

/** The message a worker starts with: it loads the rules itself, so it starts before the main thread has. */
export interface StreamTask {
  readonly source: WorkerSource;
  /** The trace file, and the byte offset (the start of a line) from which the worker reads it. */
  readonly traces: { readonly path: string; readonly boundary: number };
  /** `--as-of` when given; else the worker takes the snapshot's extracted_on, as the main thread does. */
  readonly asOf?: string;
  readonly lang: 'fr' | 'en';
  readonly lenient: boolean;
}

/** The rows of its part a worker has read so far. */
export interface TraceProgress {
  readonly file: string;
  readonly rows: number;
  readonly done: boolean;
}

/** What a worker posts: its progress, then its pass's state or why it failed. */
export interface WorkerMessage {
  readonly progress?: TraceProgress;
  readonly result?: PackedPart;
  readonly failure?: string;
}
