import { parse, type CsvError, type InfoField, type InfoRecord } from 'csv-parse/sync';
import { badBytesError, placeOfBadBytes, toUtf8Bytes } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { cellText, isBlankRecord } from './cell-text.js';
import { controlCell, controlError, controlIndex } from './control-characters.js';
import { CsvTokenizer, recordText, type LineEnds } from './csv-tokenizer.js';
import { shownText } from './shown-text.js';
import { LineCursor } from './line-cursor.js';
import { countSkipped } from './error-cap.js';
import type { LoadCollector } from './load-collector.js';
import { ValueFailure } from './parse-values.js';
import type { InputError, SourcePosition, Table } from './snapshot-types.js';
import { TableBuilder, type RowSource } from './table-builder.js';
import { blankColumnCheck, recogniseHeader, type RecognisedHeader } from './read-header.js';
import type { TableModel } from './table-model.js';

const KNOWN_LIMIT = 200_000;

/** A CSV row: its values are cells, its columns field indexes. */
class CsvRow implements RowSource {
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly current: Header,
  ) {}

  private get indexes(): ReadonlyMap<string, number> {
    return this.current.indexes;
  }

  header(column: string): string | undefined {
    return this.current.headers.get(column);
  }

  position(column: string): SourcePosition {
    return { line: this.line, column: (this.indexes.get(column) ?? 0) + 1 };
  }

  written(column: string): string | undefined {
    const index = this.indexes.get(column);
    const cell = index === undefined ? undefined : this.cells[index];
    return cell === '' ? undefined : cell;
  }
}

/** The header row, with the memo of converted values of each column it reads. */
interface Header extends RecognisedHeader {
  readonly known: readonly (Map<string, unknown> | undefined)[];
  /** Canonical column → its header as written. */
  readonly headers: ReadonlyMap<string, string>;
  readonly checkBlank: ((cells: readonly string[], line: number) => void) | undefined;
}

function readHeader(cells: readonly string[], line: number, file: string, model: TableModel, collector: LoadCollector): Header {
  const header = recogniseHeader(cells, line, file, model, { error: (error) => collector.fileError(error), warning: (warning) => collector.warning(warning) });
  return {
    ...header,
    known: header.columns.map((column) => (column.model.name === model.key ? undefined : new Map())),
    headers: new Map(header.columns.map((column) => [column.model.name, column.header])),
    checkBlank: blankColumnCheck(header, file, (error) => collector.fileError(error)),
  };
}

/** Reads a CSV table as people export it; the table is returned even when rows were rejected. */
export function readCsvTable(raw: Buffer, file: string, model: TableModel, collector: LoadCollector): Table | undefined {
  const decoded = toUtf8Bytes(raw);
  if ('code' in decoded) {
    // No encoding explains every byte: reading on would re-decode the file silently, headers included.
    collector.fileError(badBytesError(file, decoded, placeOfBadBytes(raw, decoded)));
    return undefined;
  }
  const { bytes, encoding } = decoded;
  const delimiter = detectDelimiter(bytes);
  const skippedBefore = countSkipped(collector.skipped);
  const seen: ReadSeen = {};
  // The tokenizer is several times faster; files it would read differently from csv-parse
  // (unclosed quote, text after a quote) go through csv-parse.
  const regular = regularRecords(bytes, delimiter);
  const table = regular.records
    ? buildTable(regular.records, delimiter, regular.controls, file, model, collector, seen)
    : readWithCsvParse(bytes, delimiter, file, model, collector, seen);
  const header = seen.header;
  collector.describe(file, {
    format: 'csv',
    table: model.name,
    encoding,
    delimiter,
    lineEnds: regular.lineEnds,
    streamed: false,
    rows: seen.builder?.rowCount ?? 0,
    skipped: countSkipped(collector.skipped) - skippedBefore,
    ...(header ? { columns: header.cells } : {}),
  });
  return table;
}

/** The header and rows a reading met, for the input manifest. */
interface ReadSeen {
  header?: Header;
  builder?: TableBuilder;
}

/** A record's cells, its first line and, when it has quotes, which cells were quoted. */
export type CsvRecord = [cells: string[], line: number, quoted?: readonly boolean[]];

/** The records of a file (none when it needs csv-parse), the line ends that end them, and whether its text holds control characters. */
export function regularRecords(bytes: Buffer, delimiter: string): { readonly records?: CsvRecord[]; readonly lineEnds: LineEnds; readonly controls: boolean } {
  const text = bytes.toString('utf8');
  const records: CsvRecord[] = [];
  let unclosed = false;
  const onRecord = (cells: string[], line: number, quoted?: readonly boolean[]) => records.push(quoted ? [cells, line, quoted] : [cells, line]);
  const tokenizer = new CsvTokenizer(delimiter, onRecord, () => (unclosed = true));
  tokenizer.push(text, true);
  const regular = !unclosed && !tokenizer.irregular;
  return { ...(regular ? { records } : {}), lineEnds: tokenizer.lineEnds, controls: tokenizer.controls };
}

function buildTable(records: readonly CsvRecord[], delimiter: string, controls: boolean, file: string, model: TableModel, collector: LoadCollector, seen: ReadSeen): Table | undefined {
  let header: Header | undefined;
  let builder: TableBuilder | undefined;
  for (const [cells, line, quoted] of records) {
    if (isBlankRecord(cells) && (!controls || controlCell(cells) === -1)) continue;
    if (!header) {
      header = seen.header = readHeader(cells, line, file, model, collector);
      builder = seen.builder = new TableBuilder(model, file, collector, header.missing);
      const control = controls ? controlError(cells, line, file, undefined) : undefined;
      if (control) collector.fileError(control);
    } else readRow(cells, line, quoted, delimiter, controls, header, builder!, file, collector);
  }
  if (!header || !builder) {
    collector.fileError({ file, line: 1, column: 1, code: 'missing-header' });
    return undefined;
  }
  return builder.finish(header.columns.map((column) => column.model.name), header.ignored);
}

function readRow(cells: string[], line: number, quoted: readonly boolean[] | undefined, delimiter: string, controls: boolean, current: Header, rows: TableBuilder, file: string, collector: LoadCollector): void {
  if (cells.length !== current.width) {
    rows.countRow();
    const column = Math.min(cells.length, current.width) + 1;
    const error = { file, line, column, code: 'field-count', value: recordText(cells, delimiter, quoted), params: { expected: current.width, actual: cells.length } };
    collector.rowErrors(file, line, [error]);
    return;
  }
  const control = controls ? controlError(cells, line, file, current.cells) : undefined;
  if (control) {
    rows.countRow();
    collector.rowErrors(file, line, [control]);
    return;
  }
  current.checkBlank?.(cells, line);
  const values: Record<string, unknown> = {};
  let errors: InputError[] | undefined;
  for (let position = 0; position < current.columns.length; position++) {
    const { model: column, index, header } = current.columns[position];
    // Converted values by text (not for the key): repeated texts share one value (docs/PERFORMANCE.md).
    const known = current.known[position];
    const cell = cells[index];
    const text = cellText(cell, quoted?.[index] === true);
    if (text === '') continue;
    let value = known?.get(text);
    if (value === undefined) {
      value = column.convert(text);
      // Failures are not remembered: each row reports its own.
      if (known !== undefined && !(value instanceof ValueFailure) && known.size < KNOWN_LIMIT) known.set(text, value);
    }
    if (value instanceof ValueFailure) {
      errors ??= [];
      errors.push({ file, line, column: index + 1, code: value.code, value: cell, params: { column: column.name, header, ...value.params } });
    } else values[column.name] = value;
  }
  rows.add(new CsvRow(line, cells, current), values, errors);
}

/** The csv-parse reading, for files the tokenizer does not read exactly (exported for the tests that compare both). */
export function readWithCsvParse(bytes: Buffer, delimiter: string, file: string, model: TableModel, collector: LoadCollector, seen: ReadSeen = {}): Table | undefined {
  const cursor = new LineCursor(bytes);
  const controls = controlIndex(bytes.toString('utf8')) !== -1;
  let header: Header | undefined;
  let builder: TableBuilder | undefined;
  let previousEnd = 0;
  let syntaxErrors = 0;
  let quoted: boolean[] = [];

  // The current record's quoted cells. csv-parse marks a cell closed early (`"x" `) quoted too,
  // which the tokenizer reads as text: it starts with its quote (a quoted cell only with `""`).
  const onField = (value: string, context: InfoField): string => {
    quoted[context.index] = context.quoting && value.charCodeAt(0) !== 34;
    return value;
  };

  const onRecord = (record: string[], info: InfoRecord) => {
    const line = cursor.lineAt(cursor.skipLineEnds(previousEnd));
    previousEnd = info.bytes;
    const recordQuoted = quoted;
    quoted = [];
    if (isBlankRecord(record) && (!controls || controlCell(record) === -1)) return null;
    if (!header) {
      header = seen.header = readHeader(record, line, file, model, collector);
      builder = seen.builder = new TableBuilder(model, file, collector, header.missing);
      const control = controls ? controlError(record, line, file, undefined) : undefined;
      if (control) collector.fileError(control);
    } else readRow(record, line, recordQuoted, delimiter, controls, header, builder!, file, collector);
    // Records are consumed here, so the file is never held as arrays of strings.
    return null;
  };

  const onSyntaxError = (error: CsvError | undefined): undefined => {
    const start = cursor.skipLineEnds(previousEnd);
    const line = cursor.lineAt(start);
    quoted = [];
    const field = typeof error?.index === 'number' ? error.index + 1 : 1;
    syntaxErrors++;
    // The record as written from its start: for an unclosed quote, the rest of the file.
    const value = shownText(bytes.subarray(start, start + 400).toString('utf8'));
    collector.fileError({ file, line, column: field, code: 'csv-syntax', value, params: { reason: error?.code ?? 'CSV_UNKNOWN_ERROR' } });
    return undefined;
  };

  try {
    parse(bytes, {
      delimiter,
      // LF, CRLF and CR alike, as the tokenizer reads them (csv-parse would keep to the first it meets).
      record_delimiter: ['\r\n', '\n', '\r'],
      // A stray quote inside an unquoted field (`15" screen`) is text; only an unclosed quote is an error.
      relax_quotes: true,
      // Rows of the wrong width are reported by us, row by row, instead of stopping the parse.
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      cast: onField,
      on_skip: onSyntaxError,
      // on_record receives the record's info (`bytes`: its end); `info: true` would build it twice per row.
      on_record: onRecord as never,
    });
  } catch (error) {
    onSyntaxError(error as CsvError);
  }
  if (!header || !builder) {
    if (syntaxErrors === 0) collector.fileError({ file, line: 1, column: 1, code: 'missing-header' });
    return undefined;
  }
  return builder.finish(header.columns.map((column) => column.model.name), header.ignored);
}
