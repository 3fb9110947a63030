import { CappedErrors, CappedSkipped } from './error-cap.js';
import type { InputError, InputManifestEntry, LoadOptions, SkippedRow } from './snapshot-types.js';

/** How often, in rows, a file being read reports progress. */
export const PROGRESS_INTERVAL = 10_000;

/**
 * Gathers every error of one load; row errors become skipped rows when lenient, file errors
 * never do. Each file's errors and skipped rows are listed up to a cap, the others counted
 * (error-cap.ts): a file of a million bad rows holds a thousand errors, not a million.
 */
export class LoadCollector {
  private readonly listedErrors = new CappedErrors();
  private readonly listedSkipped = new CappedSkipped();
  readonly warnings: InputError[] = [];
  /** File and table → what is known so far of how it was read (see {@link describe}). */
  readonly inputs = new Map<string, InputManifestEntry>();

  constructor(private readonly options: LoadOptions = {}) {}

  /** The errors so far, file by file, each file's count of errors not listed last (`more-errors`). */
  get errors(): InputError[] {
    return this.listedErrors.toArray();
  }

  /** The skipped rows so far, file by file, each file's count of rows not listed last (`more-skipped`). */
  get skipped(): SkippedRow[] {
    return this.listedSkipped.toArray();
  }

  /** Whether any error was met. */
  get failed(): boolean {
    return this.listedErrors.size > 0;
  }

  fileError(error: InputError): void {
    this.listedErrors.add(error);
  }

  /** The errors and skipped rows of a scan (or another collector), their counts of entries not listed included. */
  merge(found: { readonly errors: readonly InputError[]; readonly skipped: readonly SkippedRow[] }): void {
    this.listedErrors.addAll(found.errors);
    this.listedSkipped.addAll(found.skipped);
  }

  /** A problem that does not stop the run: an unknown column, a key vigie does not read… */
  warning(warning: InputError): void {
    this.warnings.push(warning);
  }

  /** Records how a file was read; later calls for the same file and table complete or override earlier ones. */
  describe(file: string, entry: Partial<InputManifestEntry> & Pick<InputManifestEntry, 'format'>): void {
    // A single-file snapshot holds the partner keys and several tables: one entry each.
    const key = manifestKey(file, entry.table);
    const known = this.inputs.get(key);
    this.inputs.set(key, { file, streamed: false, rows: 0, skipped: 0, ...known, ...entry });
  }

  /** What is recorded so far of a file (of one of its tables, for a single-file snapshot). */
  described(file: string, table?: string): InputManifestEntry | undefined {
    return this.inputs.get(manifestKey(file, table));
  }

  /** The errors of one row: the row is dropped, and listed as skipped when lenient. */
  rowErrors(file: string, line: number, errors: readonly InputError[]): void {
    if (this.options.lenient) this.listedSkipped.add({ file, line, errors });
    else this.listedErrors.addAll(errors);
  }

  /** The columns whose values held records keep (LoadOptions.columns), or undefined for all. */
  get keptColumns(): ReadonlySet<string> | undefined {
    return this.options.columns;
  }

  progress(file: string, rows: number, done: boolean): void {
    this.options.onProgress?.({ file, rows, done });
  }
}

function manifestKey(file: string, table: string | undefined): string {
  return `${file}\u0000${table ?? ''}`;
}
