import type { InputError, InputManifestEntry, LoadOptions, SkippedRow } from './snapshot-types.js';

/** How often, in rows, a file being read reports progress. */
export const PROGRESS_INTERVAL = 10_000;

/** Gathers every error of one load; row errors become skipped rows when lenient, file errors never do. */
export class LoadCollector {
  readonly errors: InputError[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly warnings: InputError[] = [];
  /** File and table → what is known so far of how it was read (see {@link describe}). */
  readonly inputs = new Map<string, InputManifestEntry>();

  constructor(private readonly options: LoadOptions = {}) {}

  fileError(error: InputError): void {
    this.errors.push(error);
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

function manifestKey(file: string, table: string | undefined): string {
  return `${file}\u0000${table ?? ''}`;
}
