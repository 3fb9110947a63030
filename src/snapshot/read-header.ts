import { cellText } from './cell-text.js';
import type { IgnoredColumn, InputError, ManifestColumn } from './snapshot-types.js';
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
  /** The header cell as written in the file, for messages in the user's words. */
  readonly header: string;
}

/** What a header row says: the columns to read, where each is, and which required ones it lacks. */
export interface RecognisedHeader {
  readonly line: number;
  readonly width: number;
  readonly columns: readonly HeaderColumn[];
  /** Canonical column → 0-based field index. */
  readonly indexes: ReadonlyMap<string, number>;
  readonly missing: ReadonlySet<string>;
  /** Every header cell and what it stands for, in file order: the manifest's columns. */
  readonly cells: readonly ManifestColumn[];
  /** The headers vigie does not read, said as warnings. */
  readonly ignored: readonly IgnoredColumn[];
  /** 0-based indexes of the empty header cells: an error as soon as a row fills one. */
  readonly blank: readonly number[];
}

/** The warning of a header or key vigie does not read, with the known name it may stand for. */
export function ignoredWarning(file: string, ignored: IgnoredColumn): InputError {
  const near: Record<string, string> = ignored.near ? { suggestion: ignored.near.name, near: ignored.near.column } : {};
  return { file, line: ignored.line, column: ignored.column, code: 'unknown-column', value: ignored.header, params: { header: ignored.header, ...near } };
}

/** Recognises a CSV header row against a table's columns, for the held and the streamed readers alike. */
export function recogniseHeader(cells: readonly string[], line: number, file: string, model: TableModel, report?: HeaderReport): RecognisedHeader {
  const indexes = new Map<string, number>();
  const columns: HeaderColumn[] = [];
  const manifest: ManifestColumn[] = [];
  const unknown: number[] = [];
  const blank: number[] = [];
  cells.forEach((cell, index) => {
    const header = cellText(cell, false);
    if (header === '') {
      blank.push(index);
      manifest.push({ header: cell, position: index + 1 });
      return;
    }
    const name = model.resolveHeader(header);
    if (name === undefined) {
      unknown.push(index);
      manifest.push({ header: cell, position: index + 1 });
      return;
    }
    const first = indexes.get(name);
    if (first !== undefined) {
      report?.error({ file, line, column: index + 1, code: 'duplicate-column', value: cell, params: { column: name, header: cell, firstColumn: first + 1 } });
      manifest.push({ header: cell, position: index + 1 });
      return;
    }
    indexes.set(name, index);
    columns.push({ model: model.columns.get(name)!, index, header: cell });
    manifest.push({ header: cell, position: index + 1, column: name });
  });
  // Suggestions are among the columns the header lacks: a column already there is not misspelt.
  const present = new Set(indexes.keys());
  const ignored = unknown.map((index): IgnoredColumn => {
    const near = model.closestHeader(cells[index], present);
    return { header: cells[index], line, column: index + 1, ...(near ? { near } : {}) };
  });
  for (const entry of ignored) report?.warning(ignoredWarning(file, entry));
  const missing = new Set<string>();
  for (const column of model.columns.values()) {
    if (!column.required || indexes.has(column.name)) continue;
    missing.add(column.name);
    report?.error({ file, line, column: 1, code: 'missing-column', params: { column: column.name, header: model.frenchHeader(column.name), table: model.name } });
  }
  return { line, width: cells.length, columns, indexes, missing, cells: manifest, ignored, blank };
}

/**
 * A check of the rows under empty header cells: the first filled cell under one is an error at
 * that header cell (its data would be read as nothing). Undefined when no header cell is empty,
 * so that rows cost nothing more.
 */
export function blankColumnCheck(header: RecognisedHeader, file: string, report: (error: InputError) => void): ((cells: readonly string[], line: number) => void) | undefined {
  if (header.blank.length === 0) return undefined;
  let watched = header.blank;
  return (cells, line) => {
    if (watched.length === 0) return;
    const filled = watched.filter((index) => cellText(cells[index] ?? '', false) !== '');
    if (filled.length === 0) return;
    for (const index of filled) {
      report({ file, line: header.line, column: index + 1, code: 'unnamed-column', value: cells[index], params: { position: index + 1, firstLine: line } });
    }
    watched = watched.filter((index) => !filled.includes(index));
  };
}

/** Recognises the keys of a table's JSON rows as header cells are; each unknown key is said once, where first written. */
export class KeyRecogniser {
  private readonly said = new Set<string>();
  readonly ignored: IgnoredColumn[] = [];
  /** Every key met, as written, in order of first appearance: the manifest's columns. */
  readonly manifest: ManifestColumn[] = [];
  private readonly met = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly model: TableModel,
    private readonly report?: HeaderReport,
  ) {}

  /** Whether the key was met before: its warning and manifest entry are made, a streamed reader need not locate it again. */
  has(key: string): boolean {
    return this.met.has(key);
  }

  /** The canonical column a key stands for, or undefined for a key vigie does not read; `present` are the row's recognised columns. */
  recognise(key: string, line: number, column: number, present: ReadonlySet<string>): string | undefined {
    const name = this.model.resolveHeader(key);
    if (!this.met.has(key)) {
      this.met.add(key);
      this.manifest.push(name === undefined ? { header: key, position: this.manifest.length + 1 } : { header: key, position: this.manifest.length + 1, column: name });
    }
    if (name !== undefined || this.said.has(key)) return name;
    this.said.add(key);
    const near = this.model.closestHeader(key, present);
    const entry: IgnoredColumn = { header: key, line, column, ...(near ? { near } : {}) };
    this.ignored.push(entry);
    this.report?.warning(ignoredWarning(this.file, entry));
    return undefined;
  }
}

/**
 * The errors of two parts of one streamed file, the earlier first: a header-cell error the later
 * part repeats (an unnamed column filled in both) is said once, with the earlier part's first line.
 */
export function mergePartErrors(first: readonly InputError[], later: readonly InputError[]): InputError[] {
  const said = new Set(first.filter((error) => error.code === 'unnamed-column').map((error) => `${error.file}:${error.line}:${error.column}`));
  return [...first, ...later.filter((error) => error.code !== 'unnamed-column' || !said.has(`${error.file}:${error.line}:${error.column}`))];
}
