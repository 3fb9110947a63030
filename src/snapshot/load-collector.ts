import type { InputError, InputManifestEntry, LoadOptions, SkippedRow } from './snapshot-types.js';

/** How often, in rows, a file being read reports progress. */
export const PROGRESS_INTERVAL = 10_000;

/** Gathers every error of one load; row errors become skipped rows when lenient, file errors never do. */
export class LoadCollector {
  readonly errors: InputError[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly warnings: InputError[] = [];
  /** File → what is known so far of how it was read (see {@link describe}). */
  readonly inputs = new Map<string, InputManifestEntry>();

  constructor(private readonly options: LoadOptions = {}) {}

  fileError(error: InputError): void {
    this.errors.push(error);
  }

  /** A problem that does not stop the run: an unknown column, a key vigie does not read… */
  warning(warning: InputError): void {
    this.warnings.push(warning);
  }

  /** Records how a file was read; later calls for the same file complete or override earlier ones. */
  describe(file: string, entry: Partial<InputManifestEntry> & Pick<InputManifestEntry, 'format'>): void {
    const known = this.inputs.get(file);
    this.inputs.set(file, { file, streamed: false, rows: 0, skipped: 0, ...known, ...entry });
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
