import { convertTypedValue } from './compile-converter.js';
import { PROGRESS_INTERVAL, type LoadCollector } from './load-collector.js';
import { ValueFailure } from './parse-values.js';
import { readJsonRows, type JsonEntry } from './read-json-rows.js';
import type { DataRecord, InputError, SourcePosition } from './snapshot-types.js';
import type { KeyRecogniser } from './read-header.js';
import type { TableModel } from './table-model.js';

/** What a scan of a JSON table found besides its rows. */
export interface JsonScan {
  readonly rows: number;
  /** The columns of the keys read, in the order first met. */
  readonly columns: readonly string[];
}

/** How a JSON row's keys are read: `keys` says unknown keys (once each) and lists them for the manifest; `written` keeps each key as written, for held rows. */
export interface JsonRowReading {
  readonly keys?: KeyRecogniser;
  readonly written?: boolean;
}

/** A row's values converted as the streamed CSV rows' are, and the errors of those that do not convert; the same column twice is an error at its key. */
export function convertJsonRow(
  file: string,
  model: TableModel,
  entries: readonly JsonEntry[],
  locate: (offset: number) => SourcePosition,
  columns: string[],
  reading: JsonRowReading = {},
): { values: Record<string, unknown>; errors?: InputError[]; positions: Map<string, SourcePosition>; texts: Map<string, string>; written?: Map<string, string> } {
  const values: Record<string, unknown> = {};
  let errors: InputError[] | undefined;
  const positions = new Map<string, SourcePosition>();
  const texts = new Map<string, string>();
  const written = reading.written ? new Map<string, string>() : undefined;
  const { keys } = reading;
  for (const entry of entries) {
    // A key is located only the first time it is met: its warning, if unknown, names where.
    const name = keys && !keys.has(entry.key) ? recogniseAt(keys, entry, locate, positions) : model.resolveHeader(entry.key);
    if (name === undefined) continue;
    if (positions.has(name)) {
      (errors ??= []).push({ file, ...locate(entry.keyOffset), code: 'duplicate-column', value: entry.key, params: { column: name, header: entry.key } });
      continue;
    }
    written?.set(name, entry.key);
    const at = locate(entry.valueOffset);
    positions.set(name, at);
    if (entry.text !== undefined) texts.set(name, entry.text);
    if (!columns.includes(name)) columns.push(name);
    if (entry.raw === null) continue;
    const column = model.columns.get(name)!;
    const value = convertTypedValue(column.schema, column.convert, entry.raw, entry.text);
    if (value instanceof ValueFailure) {
      const error: InputError = { file, ...at, code: value.code, params: { column: name, header: entry.key, ...value.params } };
      (errors ??= []).push(entry.text === undefined ? error : { ...error, value: entry.text });
    } else if (value !== undefined) values[name] = value;
  }
  return { values, ...(errors ? { errors } : {}), positions, texts, ...(written ? { written } : {}) };
}

function recogniseAt(keys: KeyRecogniser, entry: JsonEntry, locate: (offset: number) => SourcePosition, positions: ReadonlyMap<string, SourcePosition>): string | undefined {
  const at = locate(entry.keyOffset);
  return keys.recognise(entry.key, at.line, at.column, new Set(positions.keys()));
}

/**
 * Streams a table written as a JSON array of objects (`traces.json`) to `visit` in bounded
 * memory (read-json-rows.ts), each row at its line, each bad value at its line and column,
 * checked as the streamed CSV rows are: conversions and required values, no schema pass per
 * row. `limit` stops after that many bytes: the load reads the columns of the first rows so.
 */
export async function scanJsonTable(
  path: string,
  file: string,
  model: TableModel,
  collector: LoadCollector,
  visit: (record: DataRecord) => void,
  limit?: number,
  keys?: KeyRecogniser,
): Promise<JsonScan> {
  const required = [...model.columns.values()].filter((column) => column.required).map((column) => column.name);
  const columns: string[] = [];
  let rows = 0;
  const counted = () => {
    rows++;
    if (rows % PROGRESS_INTERVAL === 0) collector.progress(file, rows, false);
  };
  await readJsonRows(path, file, model.name, collector, {
    object(at, entries, locate) {
      counted();
      const row = convertJsonRow(file, model, entries, locate, columns, { keys });
      let errors = row.errors;
      for (const [column, value] of model.defaults) if (row.values[column] === undefined) row.values[column] = value;
      for (const column of required) {
        if (row.values[column] !== undefined || errors?.some((error) => error.params?.column === column)) continue;
        (errors ??= []).push({ file, ...at, code: 'required', params: { column } });
      }
      if (errors) collector.rowErrors(file, at.line, errors);
      else visit({ table: model.name, file, line: at.line, values: row.values });
    },
    other(at, text) {
      counted();
      const error: InputError = { file, ...at, code: 'not-an-object', params: { table: model.name } };
      collector.rowErrors(file, at.line, [text === undefined ? error : { ...error, value: text }]);
    },
  }, limit);
  collector.progress(file, rows, true);
  return { rows, columns };
}
