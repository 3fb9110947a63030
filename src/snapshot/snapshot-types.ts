/**
 * The in-memory snapshot: what the reader hands to the rest of the pipeline.
 * Values are already parsed to canonical form:
 * - dates are ISO `YYYY-MM-DD` strings (compare as strings),
 * - timestamps are numbers (epoch milliseconds, UTC),
 * - booleans are `true` / `false`,
 * - enum labels (French profile or scope labels) are replaced by their canonical code,
 * - an empty cell is absent (the key is not set), never `""`.
 */

/** One row of a table, or one item of a partner.yaml list, with where it came from. */
export interface DataRecord {
  /** Table name (`habilitations`) or partner list name (`contacts`). */
  readonly table: string;
  /** File path relative to the snapshot root (`habilitations.csv`), or the single JSON file's name. */
  readonly file: string;
  /** 1-based line where the record starts. */
  readonly line: number;
  /** Canonical column name → parsed value. Unknown extra columns are not kept here. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A table of the snapshot that is present (absent tables are simply not in `Snapshot.tables`). */
export interface Table {
  readonly name: string;
  /** Relative file path, as in DataRecord.file. */
  readonly file: string;
  /** Canonical columns present in the file (CSV header, or union of JSON object keys). */
  readonly columns: readonly string[];
  readonly records: readonly DataRecord[];
  /**
   * Present for a table too large to hold (traces read from CSV): `records` is then empty and
   * the rows are streamed to `visit`, converted, each time the table is scanned.
   */
  readonly scan?: (visit: (record: DataRecord) => void, options?: ScanOptions) => Promise<ScanResult>;
}

export interface ScanOptions {
  readonly lenient?: boolean;
  readonly onProgress?: LoadOptions['onProgress'];
  /** Only the rows of this part of the file (the two threads of `vigie check` each read one). */
  readonly range?: ScanRange;
}

/**
 * A part of a streamed file, in bytes: `start` is 0 or the first byte of a line, whose number
 * is `line`; `end` (excluded) is the first byte of a line, or absent for the end of the file.
 */
export interface ScanRange {
  readonly start: number;
  readonly line: number;
  readonly end?: number;
}

/** What a scan found besides the rows: their count and the bad rows (errors, or skipped when lenient). */
export interface ScanResult {
  readonly rows: number;
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
  /**
   * For a range with an end: whether the scan went on to the end of the file, because the
   * range ended inside a record (a quoted cell holding line breaks). Else the line at `end`.
   */
  readonly whole?: boolean;
  readonly nextLine?: number;
}

/** A position in a source file; line and column are 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** The partner declarations (partner.yaml / partner.json, or the keys of a single-file snapshot). */
export interface PartnerDocument {
  /** Relative file path (`partner.yaml`). */
  readonly file: string;
  /** Parsed and normalised content (dates as ISO strings, booleans as booleans). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Where a key path (e.g. `['convention', 'signed_on']`, `['contacts', 0]`) is written, if it is. */
  locate(path: readonly (string | number)[]): SourcePosition | undefined;
}

export interface Snapshot {
  /** The path the user gave (folder or JSON file). */
  readonly path: string;
  readonly partner: PartnerDocument;
  /** Only the tables present in the snapshot, by canonical name. */
  readonly tables: ReadonlyMap<string, Table>;
}

/** An input error: a value that does not parse, a missing column, a YAML syntax error… */
export interface InputError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Stable machine code, e.g. `invalid-date`, `unknown-value`, `duplicate-key` (see input-error-messages.ts). */
  readonly code: string;
  /** The offending value as written in the file (absent when there is none, e.g. a missing column). */
  readonly value?: string;
  /** Parameters interpolated into the localised message (column name, expected values, first line…). */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A row skipped in `--lenient` mode, with the errors that made it skipped. */
export interface SkippedRow {
  readonly file: string;
  readonly line: number;
  readonly errors: readonly InputError[];
}

export interface LoadOptions {
  /** Skip bad rows (listing them) instead of failing. Errors outside rows (YAML syntax, missing column) still fail. */
  readonly lenient?: boolean;
  /**
   * Read large tables (traces) row by row when evaluated (default), or hold them like the
   * others (`false`: tests, small snapshots).
   */
  readonly stream?: boolean;
  /** Read only these tables (a worker that needs a few); all of them when absent. */
  readonly tables?: readonly string[];
  /**
   * Keep only the values of these columns in the records of the tables held (a worker that
   * looks up a few fields); rows are checked whole all the same, so that the same rows are
   * kept or rejected. All of them when absent.
   */
  readonly columns?: ReadonlySet<string>;
  /** Called as a file is read, to show progress on large snapshots. */
  readonly onProgress?: (event: { file: string; rows: number; done: boolean }) => void;
}

export interface LoadResult {
  /** Absent when errors prevent building a snapshot (every error is in `errors`). */
  readonly snapshot?: Snapshot;
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
}
