import { countSkipped } from './error-cap.js';
import { combineLineEnds, type LineEnds } from './line-ends.js';
import type { InputManifestEntry, ScanResult } from './snapshot-types.js';

/** What scans of a streamed table learnt of its file: rows read and skipped (`--lenient`), line ends, encoding. */
export interface TableRead {
  readonly rows: number;
  readonly skipped: number;
  readonly lineEnds?: LineEnds;
  readonly encoding?: string;
}

/** File → what the scans of it read (plain data: it crosses threads with the worker's part). */
export type TableReads = Record<string, TableRead>;

/** What one scan read. */
export function readOf(result: ScanResult): TableRead {
  return { rows: result.rows, skipped: countSkipped(result.skipped), ...(result.lineEnds ? { lineEnds: result.lineEnds } : {}), ...(result.encoding ? { encoding: result.encoding } : {}) };
}

/** Adds a scan of `file` (a part of it, or all of it) to what was read of it before. */
export function addRead(reads: TableReads, file: string, read: TableRead): void {
  const known = reads[file];
  if (!known) {
    reads[file] = read;
    return;
  }
  const lineEnds = combineLineEnds(known.lineEnds, read.lineEnds);
  const encoding = known.encoding ?? read.encoding;
  reads[file] = { rows: known.rows + read.rows, skipped: known.skipped + read.skipped, ...(lineEnds ? { lineEnds } : {}), ...(encoding ? { encoding } : {}) };
}

/** Every read of `more` added to `reads`. */
export function addReads(reads: TableReads, more: TableReads | undefined): void {
  for (const [file, read] of Object.entries(more ?? {})) addRead(reads, file, read);
}

/** The manifest with each streamed table's entry completed by what its scans read (the held tables' are complete already). */
export function completeManifest(inputs: readonly InputManifestEntry[], reads: TableReads): InputManifestEntry[] {
  return inputs.map((entry) => {
    const read = entry.streamed ? reads[entry.file] : undefined;
    if (!read) return entry;
    return { ...entry, rows: read.rows, skipped: read.skipped, ...(read.lineEnds ? { lineEnds: read.lineEnds } : {}), ...(read.encoding ? { encoding: read.encoding } : {}) };
  });
}
