import type { InputError, LoadOptions, SkippedRow } from './snapshot-types.js';

/** How often, in rows, a file being read reports progress. */
export const PROGRESS_INTERVAL = 10_000;

/** Gathers every error of one load; row errors become skipped rows when lenient, file errors never do. */
export class LoadCollector {
  readonly errors: InputError[] = [];
  readonly skipped: SkippedRow[] = [];

  constructor(private readonly options: LoadOptions = {}) {}

  fileError(error: InputError): void {
    this.errors.push(error);
  }

  /** The errors of one row: the row is dropped, and listed as skipped when lenient. */
  rowErrors(file: string, line: number, errors: readonly InputError[]): void {
    if (this.options.lenient) this.skipped.push({ file, line, errors });
    else this.errors.push(...errors);
  }

  /** The columns whose values held records keep (LoadOptions.columns), or undefined for all. */
  get keptColumns(): ReadonlySet<string> | undefined {
    return this.options.columns;
  }

  progress(file: string, rows: number, done: boolean): void {
    this.options.onProgress?.({ file, rows, done });
  }
}
