import type { InputError, SkippedRow } from './snapshot-types.js';

/** How many errors, and how many skipped rows, of one file are listed; the others are counted (README). */
export const LISTED_PER_FILE = 1000;

/** The code of the entry that stands, at the end of a file's list, for the errors not listed (`params.count`). */
export const MORE_ERRORS = 'more-errors';

/** The code of the error of the row that stands for the skipped rows not listed (`params.count`). */
export const MORE_SKIPPED = 'more-skipped';

/** Whether an error is the count of a file's errors left out of the list, not an error of its own. */
export function isOmission(error: Pick<InputError, 'code'>): boolean {
  return error.code === MORE_ERRORS || error.code === MORE_SKIPPED;
}

/** The number of errors, or rows, an entry stands for: its count for an omission, 1 otherwise. */
export function countOf(error: Pick<InputError, 'code' | 'params'>): number {
  return isOmission(error) ? Number(error.params?.count ?? 0) : 1;
}

interface FileList<T> {
  items: T[];
  omitted: number;
}

/**
 * Items (errors or skipped rows) grouped by file, each file keeping the `cap` first in
 * (line, column, code) order and counting the others, so that memory stays bounded however
 * many there are; the same cap over parts of a file and their union keeps the same items.
 */
class CappedByFile<T extends { readonly file: string }> {
  private readonly files = new Map<string, FileList<T>>();

  constructor(
    private readonly cap: number,
    private readonly compare: (a: T, b: T) => number,
    /** How many items an entry stands for when it is the omission of an earlier cap, else undefined. */
    private readonly omissionOf: (item: T) => number | undefined,
  ) {}

  add(item: T): void {
    let list = this.files.get(item.file);
    if (!list) {
      list = { items: [], omitted: 0 };
      this.files.set(item.file, list);
    }
    const omitted = this.omissionOf(item);
    if (omitted !== undefined) {
      list.omitted += omitted;
      return;
    }
    list.items.push(item);
    // Trimmed in batches: sorting at every item would cost a sort per row of a bad file.
    if (list.items.length >= 2 * this.cap) this.trim(list);
  }

  get size(): number {
    let size = 0;
    for (const list of this.files.values()) size += list.items.length + (list.omitted > 0 ? 1 : 0);
    return size;
  }

  /** Each file's listed items in order, then the omission standing for the others, if any. */
  entries(omission: (file: string, count: number) => T): T[] {
    const all: T[] = [];
    for (const [file, list] of this.files) {
      this.trim(list);
      for (const item of list.items) all.push(item);
      if (list.omitted > 0) all.push(omission(file, list.omitted));
    }
    return all;
  }

  private trim(list: FileList<T>): void {
    list.items.sort(this.compare);
    if (list.items.length <= this.cap) return;
    list.omitted += list.items.length - this.cap;
    list.items.length = this.cap;
  }
}

function compareErrorPlaces(a: InputError, b: InputError): number {
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** A file's input errors, listed up to {@link LISTED_PER_FILE}, the others counted in one `more-errors` entry. */
export class CappedErrors {
  private readonly list: CappedByFile<InputError>;

  constructor(cap = LISTED_PER_FILE) {
    this.list = new CappedByFile<InputError>(cap, compareErrorPlaces, (error) => (error.code === MORE_ERRORS ? countOf(error) : undefined));
  }

  /** An error, or the omission entry of an earlier list (a scan's, the other thread's): its count adds up. */
  add(error: InputError): void {
    this.list.add(error);
  }

  addAll(errors: readonly InputError[]): void {
    for (const error of errors) this.list.add(error);
  }

  get size(): number {
    return this.list.size;
  }

  /** The listed errors, file by file, each file's omission entry last. */
  toArray(): InputError[] {
    return this.list.entries((file, count) => omittedErrors(file, count));
  }
}

/** Skipped rows, listed up to {@link LISTED_PER_FILE} per file, the others counted in one row whose error is `more-skipped`. */
export class CappedSkipped {
  private readonly list: CappedByFile<SkippedRow>;

  constructor(cap = LISTED_PER_FILE) {
    this.list = new CappedByFile<SkippedRow>(cap, (a, b) => a.line - b.line, (row) => skippedCount(row));
  }

  add(row: SkippedRow): void {
    this.list.add(row);
  }

  addAll(rows: readonly SkippedRow[]): void {
    for (const row of rows) this.list.add(row);
  }

  get size(): number {
    return this.list.size;
  }

  toArray(): SkippedRow[] {
    return this.list.entries((file, count) => ({ file, line: 0, errors: [{ file, line: 0, column: 0, code: MORE_SKIPPED, params: { count } }] }));
  }
}

/** The entry standing for `count` errors of `file` left out of the list. */
export function omittedErrors(file: string, count: number): InputError {
  return { file, line: 0, column: 0, code: MORE_ERRORS, params: { count } };
}

/** The rows a skipped-row entry stands for when it is the omission of a file's other skipped rows, else undefined. */
export function skippedCount(row: SkippedRow): number | undefined {
  const first = row.errors[0];
  return row.errors.length === 1 && first.code === MORE_SKIPPED ? countOf(first) : undefined;
}

/** How many rows a list of skipped rows stands for, its omission entries counted for the rows they stand for. */
export function countSkipped(rows: readonly SkippedRow[]): number {
  let count = 0;
  for (const row of rows) count += skippedCount(row) ?? 1;
  return count;
}
