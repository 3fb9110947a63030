// Values arrive parsed: dates as ISO strings, timestamps as epoch ms (UTC), enum labels as their
// codes, and an empty cell as an absent key, never `""`.

/** One row of a table, or one item of a partner.yaml list, with where it came from. */
export interface DataRecord {
  readonly table: string;
  /** Relative to the snapshot root, or the single JSON file's name. */
  readonly file: string;
  readonly line: number;
  /** Canonical column → parsed value; unknown columns are dropped. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A table of the snapshot that is present (absent tables are simply not in `Snapshot.tables`). */
export interface Table {
  readonly name: string;
  readonly file: string;
  readonly columns: readonly string[];
  readonly records: readonly DataRecord[];
  /** Headers (or JSON keys) of the file vigie does not read: a rule lacking a column they are close to says so. */
  readonly ignored?: readonly IgnoredColumn[];
  /** For a table too large to hold (CSV traces): `records` is empty, rows are streamed on each scan. */
  readonly scan?: (visit: (record: DataRecord) => void, options?: ScanOptions) => Promise<ScanResult>;
}

/** A header or key of a table file that vigie does not read, where it is written, and the known column it is close to. */
export interface IgnoredColumn {
  /** As written in the file. */
  readonly header: string;
  readonly line: number;
  readonly column: number;
  /** The canonical column it may stand for, and that column's name as a user writes it. */
  readonly near?: { readonly column: string; readonly name: string };
}

/** How a streamed table is scanned. */
export interface ScanOptions {
  readonly lenient?: boolean;
  readonly onProgress?: LoadOptions['onProgress'];
  /** Only the rows of this part of the file (the two threads of `vigie check` each read one). */
  readonly range?: ScanRange;
}

/** A byte range of a streamed file starting at line `line`; `end` (excluded) absent means end of file. */
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
  /** Set when the range ended inside a quoted multi-line cell, so the scan read on to the end of file. */
  readonly whole?: boolean;
  readonly nextLine?: number;
  /** The line ends of the part read (see line-ends.ts), for the input manifest. */
  readonly lineEnds?: InputManifestEntry['lineEnds'];
  /** The encoding the file was read in, for the input manifest. */
  readonly encoding?: string;
}

/** A position in a source file; line and column are 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** The partner declarations (partner.yaml / partner.json, or the keys of a single-file snapshot). */
export interface PartnerDocument {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Where a key path (e.g. `['convention', 'signed_on']`, `['contacts', 0]`) is written, if it is. */
  locate(path: readonly (string | number)[]): SourcePosition | undefined;
}

/** A loaded snapshot; `tables` holds only the tables present. */
export interface Snapshot {
  readonly path: string;
  readonly partner: PartnerDocument;
  readonly tables: ReadonlyMap<string, Table>;
}

/** An input error: a value that does not parse, a missing column, a YAML syntax error… */
export interface InputError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Stable machine code, e.g. `invalid-date`, `unknown-value`, `duplicate-key` (see input-error-messages.ts). */
  readonly code: string;
  readonly value?: string;
  /** Interpolated into the localised message. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A row skipped in `--lenient` mode, with the errors that made it skipped. */
export interface SkippedRow {
  readonly file: string;
  readonly line: number;
  readonly errors: readonly InputError[];
}

/** How a snapshot is loaded. */
export interface LoadOptions {
  /** Skip and list bad rows; errors outside rows still fail. */
  readonly lenient?: boolean;
  /** `--strict`: the load's warnings (an unknown column or key…) are errors. */
  readonly strict?: boolean;
  /** Stream large tables (default) or hold them (`false`: tests, small snapshots). */
  readonly stream?: boolean;
  readonly tables?: readonly string[];
  /** Columns kept in held records; rows are still checked whole, so the same rows are rejected. */
  readonly columns?: ReadonlySet<string>;
  readonly onProgress?: (event: { file: string; rows: number; done: boolean }) => void;
  /** `--as-of` when given: checked against `extracted_on` and the convention's signature (warnings). */
  readonly asOf?: string;
}

/** A snapshot, or none when errors prevent building one. */
export interface LoadResult {
  readonly snapshot?: Snapshot;
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
  /** Problems that do not stop the run (an unknown column, a stale `--as-of`…); errors with `--strict`. */
  readonly warnings: readonly InputError[];
  /** How each file was read, in file order: the input manifest of the report. */
  readonly inputs: readonly InputManifestEntry[];
}

/** A header cell of a table file and what vigie made of it. */
export interface ManifestColumn {
  /** The header as written in the file. */
  readonly header: string;
  /** 1-based position of the cell in the header row. */
  readonly position: number;
  /** The canonical column it stands for; absent for a column vigie ignores. */
  readonly column?: string;
}

/** How one input file was read: the evidence that every byte was accounted for. */
export interface InputManifestEntry {
  /** As errors name it (relative to the snapshot root, or the single file's path). */
  readonly file: string;
  /** The table it holds; absent for the partner declarations. */
  readonly table?: string;
  readonly format: 'csv' | 'json' | 'yaml';
  readonly encoding?: string;
  /** CSV only. */
  readonly delimiter?: string;
  readonly lineEnds?: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  /** Read row by row on each scan rather than held. */
  readonly streamed: boolean;
  /** Data rows read (header and blank lines excluded), kept or skipped. */
  readonly rows: number;
  /** Rows skipped by `--lenient`. */
  readonly skipped: number;
  /** Every header cell, recognised or ignored, in file order (tables only). */
  readonly columns?: readonly ManifestColumn[];
}
