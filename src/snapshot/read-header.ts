import type { InputError } from './snapshot-types.js';
import type { ColumnModel, TableModel } from './table-model.js';

/** Where a header's problems go: errors stop the load, warnings do not. */
export interface HeaderReport {
  error(error: InputError): void;
  warning(warning: InputError): void;
}

/** A column of the file that stands for a canonical column, with its 0-based field index. */
export interface HeaderColumn {
  readonly model: ColumnModel;
  readonly index: number;
}

/** What a header row says: the columns to read, where each is, and which required ones it lacks. */
export interface RecognisedHeader {
  readonly line: number;
  readonly width: number;
  readonly columns: readonly HeaderColumn[];
  /** Canonical column → 0-based field index. */
  readonly indexes: ReadonlyMap<string, number>;
  readonly missing: ReadonlySet<string>;
}

/** Recognises a CSV header row (or the keys of JSON rows) against a table's columns, for every reader alike. */
export function recogniseHeader(cells: readonly string[], line: number, file: string, model: TableModel, report?: HeaderReport): RecognisedHeader {
  const indexes = new Map<string, number>();
  const columns: HeaderColumn[] = [];
  cells.forEach((cell, index) => {
    const name = model.resolveHeader(cell);
    if (name === undefined) return;
    const first = indexes.get(name);
    if (first !== undefined) {
      report?.error({ file, line, column: index + 1, code: 'duplicate-column', value: cell, params: { column: name, firstColumn: first + 1 } });
      return;
    }
    indexes.set(name, index);
    columns.push({ model: model.columns.get(name)!, index });
  });
  const missing = new Set<string>();
  for (const column of model.columns.values()) {
    if (!column.required || indexes.has(column.name)) continue;
    missing.add(column.name);
    report?.error({ file, line, column: 1, code: 'missing-column', params: { column: column.name, table: model.name } });
  }
  return { line, width: cells.length, columns, indexes, missing };
}

/** Recognises the keys of a table's JSON rows, as header cells are: one place decides what a name stands for. */
export class KeyRecogniser {
  constructor(private readonly model: TableModel) {}

  /** The canonical column a key stands for, or undefined for a key vigie does not read. */
  recognise(key: string, _line: number, _column: number): string | undefined {
    return this.model.resolveHeader(key);
  }
}
