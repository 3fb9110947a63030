import { isMap, isNode, isScalar, isSeq } from 'yaml';
import { convertTypedValue } from './compile-converter.js';
import { decodeFile } from './decode-text.js';
import { lineEndsOf } from './line-ends.js';
import { countSkipped } from './error-cap.js';
import type { LoadCollector } from './load-collector.js';
import { parseYamlText, positionOf, writtenText, type YamlText } from './parse-yaml-text.js';
import { KeyRecogniser } from './read-header.js';
import { reportYamlErrors } from './report-yaml-errors.js';
import { readJsonRows } from './read-json-rows.js';
import { convertJsonRow } from './scan-json-table.js';
import { ValueFailure } from './parse-values.js';
import type { InputError, SourcePosition, Table } from './snapshot-types.js';
import { TableBuilder, type RowSource } from './table-builder.js';
import type { TableModel } from './table-model.js';

/** A JSON object of a table: each value has its own position. */
class JsonRow implements RowSource {
  readonly line: number;

  constructor(
    private readonly start: SourcePosition,
    private readonly positions: ReadonlyMap<string, SourcePosition>,
    private readonly texts: ReadonlyMap<string, string>,
    private readonly keys: ReadonlyMap<string, string>,
  ) {
    this.line = start.line;
  }

  header(column: string): string | undefined {
    return this.keys.get(column);
  }

  position(column: string): SourcePosition {
    return this.positions.get(column) ?? this.start;
  }

  written(column: string): string | undefined {
    return this.texts.get(column);
  }
}

/** Reads a table written as a JSON array of objects; keys and values are read like CSV ones. */
export function readJsonTable(node: unknown, source: YamlText, file: string, model: TableModel, collector: LoadCollector): Table | undefined {
  const start = positionOf(source, node) ?? { line: 1, column: 1 };
  if (!isSeq(node)) {
    collector.fileError({ file, ...start, code: 'not-an-array', params: { table: model.name } });
    return undefined;
  }
  const builder = new TableBuilder(model, file, collector);
  const columns: string[] = [];
  const keys = new KeyRecogniser(file, model, { error: (error) => collector.fileError(error), warning: (warning) => collector.warning(warning) });
  const skippedBefore = countSkipped(collector.skipped);
  for (const item of node.items) {
    const at = positionOf(source, item) ?? start;
    if (!isMap(item)) {
      builder.countRow();
      const error = { file, ...at, code: 'not-an-object', params: { table: model.name } };
      collector.rowErrors(file, at.line, [withValue(error, writtenText(item))]);
      continue;
    }
    const values: Record<string, unknown> = {};
    const errors: InputError[] = [];
    const positions = new Map<string, SourcePosition>();
    const texts = new Map<string, string>();
    const written = new Map<string, string>();
    for (const pair of item.items) {
      const keyText = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keyAt = positionOf(source, pair.key) ?? at;
      const name = keyText === undefined ? undefined : keys.recognise(keyText, keyAt.line, keyAt.column, new Set(positions.keys()));
      if (name === undefined) continue;
      if (positions.has(name)) {
        errors.push({ file, ...keyAt, code: 'duplicate-column', value: keyText, params: { column: name, header: keyText! } });
        continue;
      }
      written.set(name, keyText!);
      const where = positionOf(source, pair.value) ?? keyAt;
      positions.set(name, where);
      if (!columns.includes(name)) columns.push(name);
      const text = writtenText(pair.value);
      if (text !== undefined) texts.set(name, text);
      const raw = isNode(pair.value) ? (isScalar(pair.value) ? pair.value.value : pair.value.toJSON()) : pair.value;
      if (raw === null || raw === undefined) continue;
      const column = model.columns.get(name)!;
      const value = convertTypedValue(column.schema, column.convert, raw, text);
      if (value instanceof ValueFailure) {
        errors.push(withValue({ file, ...where, code: value.code, params: { column: name, header: keyText!, ...value.params } }, text));
      } else if (value !== undefined) values[name] = value;
    }
    builder.add(new JsonRow(at, positions, texts, written), values, errors);
  }
  collector.describe(file, {
    format: 'json',
    table: model.name,
    rows: builder.rowCount,
    skipped: countSkipped(collector.skipped) - skippedBefore,
    columns: keys.manifest,
  });
  return builder.finish(columns, keys.ignored);
}

/** Above this size a held JSON table file is read as its bytes stream in: yaml's document of a 15 MB habilitations.json took 1 GB. */
export const HELD_JSON_STREAM_BYTES = 1 << 20;

/**
 * Reads a large `NAME.json` table file into a held table without a document of it
 * (read-json-rows.ts): the rows are checked as the other held tables' are (schema, unique ids).
 */
export async function readJsonTableStream(path: string, file: string, model: TableModel, collector: LoadCollector): Promise<Table | undefined> {
  const builder = new TableBuilder(model, file, collector);
  const columns: string[] = [];
  const keys = new KeyRecogniser(file, model, { error: (error) => collector.fileError(error), warning: (warning) => collector.warning(warning) });
  const skippedBefore = countSkipped(collector.skipped);
  const complete = await readJsonRows(path, file, model.name, collector, {
    object(at, entries, locate) {
      const row = convertJsonRow(file, model, entries, locate, columns, { keys, written: true });
      builder.add(new JsonRow(at, row.positions, row.texts, row.written!), row.values, row.errors);
    },
    other(at, text) {
      builder.countRow();
      collector.rowErrors(file, at.line, [withValue({ file, ...at, code: 'not-an-object', params: { table: model.name } }, text)]);
    },
  });
  // Read as its bytes stream in, the file is UTF-8 (read-json-rows.ts refuses any other bytes).
  collector.describe(file, { format: 'json', table: model.name, encoding: 'utf-8', rows: builder.rowCount, skipped: countSkipped(collector.skipped) - skippedBefore, columns: keys.manifest });
  return complete ? builder.finish(columns, keys.ignored) : undefined;
}

/** Reads a `NAME.json` table file. */
export function readJsonTableFile(raw: Buffer, file: string, model: TableModel, collector: LoadCollector): Table | undefined {
  const decoded = decodeFile(raw, file, collector);
  if (decoded === undefined) return undefined;
  collector.describe(file, { format: 'json', table: model.name, encoding: decoded.encoding, lineEnds: lineEndsOf(decoded.text) });
  const source = parseYamlText(decoded.text);
  if (!reportYamlErrors(source, file, collector)) return undefined;
  return readJsonTable(source.document.contents, source, file, model, collector);
}

function withValue(error: InputError, value: string | undefined): InputError {
  return value === undefined ? error : { ...error, value };
}
