import type { LoadCollector } from './load-collector.js';
import { PROGRESS_INTERVAL } from './load-collector.js';
import type { DataRecord, IgnoredColumn, InputError, SourcePosition, Table } from './snapshot-types.js';
import type { TableModel } from './table-model.js';

/** Where a row read from a file writes each of its values. */
export interface RowSource {
  readonly line: number;
  /** Where a column's value is written; where the row starts when it is not written. */
  position(column: string): SourcePosition;
  /** A column's value as written, when it is. */
  written(column: string): string | undefined;
  /** The header (or key) a column has in the file, as written, when it has one. */
  header(column: string): string | undefined;
}

/** Turns converted rows into a table; shared by the CSV and JSON readers so both obey one contract. */
export class TableBuilder {
  private readonly records: DataRecord[] = [];
  private readonly firstLineOfKey = new Map<string, number>();
  private rows = 0;

  constructor(
    private readonly model: TableModel,
    private readonly file: string,
    private readonly collector: LoadCollector,
    // Required columns already reported missing for the whole file, not to be reported per row.
    private readonly missingColumns: ReadonlySet<string> = new Set(),
  ) {}

  /** Data rows read so far, kept or rejected (the input manifest's count). */
  get rowCount(): number {
    return this.rows;
  }

  /** Counts a row that produced no record (blank, or rejected before conversion). */
  countRow(): void {
    this.rows++;
    if (this.rows % PROGRESS_INTERVAL === 0) this.collector.progress(this.file, this.rows, false);
  }

  /** Adds one row: `values` are converted, `errors` are the conversion errors already found. */
  add(row: RowSource, values: Record<string, unknown>, conversionErrors?: InputError[]): void {
    this.countRow();
    let errors = conversionErrors;
    for (const [column, value] of this.model.defaults) if (values[column] === undefined) values[column] = value;
    const issues = this.model.validate(values);
    if (issues.length > 0) {
      errors ??= [];
      const invalid = new Set(errors.map((error) => error.params?.column));
      for (const issue of issues) {
        const column = String(issue.path[0] ?? '');
        // One error per value: a value that did not convert is not also reported as missing.
        if (invalid.has(column) || this.missingColumns.has(column)) continue;
        invalid.add(column);
        errors.push(this.error(row, column, issue.code, issue.params));
      }
    }
    const duplicate = this.checkKey(row, values);
    if (duplicate) (errors ??= []).push(duplicate);
    if (errors && errors.length > 0) this.collector.rowErrors(this.file, row.line, errors);
    else this.records.push({ table: this.model.name, file: this.file, line: row.line, values: this.kept(values) });
  }

  /** The values a record keeps: all of them, or those of the columns asked for (LoadOptions.columns). */
  private kept(values: Record<string, unknown>): Record<string, unknown> {
    const columns = this.collector.keptColumns;
    if (columns === undefined) return values;
    const kept: Record<string, unknown> = {};
    for (const column of Object.keys(values)) if (columns.has(column)) kept[column] = values[column];
    return kept;
  }

  finish(columns: readonly string[], ignored: readonly IgnoredColumn[] = []): Table {
    this.collector.progress(this.file, this.rows, true);
    return { name: this.model.name, file: this.file, columns, records: this.records, ...(ignored.length > 0 ? { ignored } : {}) };
  }

  private checkKey(row: RowSource, values: Record<string, unknown>): InputError | undefined {
    const key = this.model.key;
    const value = key === undefined ? undefined : values[key];
    if (key === undefined || typeof value !== 'string') return undefined;
    const firstLine = this.firstLineOfKey.get(value);
    // Even a rejected row claims its id: its duplicate is still a duplicate.
    if (firstLine === undefined) this.firstLineOfKey.set(value, row.line);
    return firstLine === undefined ? undefined : this.error(row, key, 'duplicate-key', { firstLine });
  }

  private error(row: RowSource, column: string, code: string, params: Readonly<Record<string, string | number>>): InputError {
    const position = row.position(column);
    const value = row.written(column);
    const header = row.header(column);
    const error = { file: this.file, line: position.line, column: position.column, code, params: { column, ...(header === undefined ? {} : { header }), ...params } };
    return value === undefined ? error : { ...error, value };
  }
}
