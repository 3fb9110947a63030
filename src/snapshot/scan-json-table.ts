import { createReadStream } from 'node:fs';
import { Tokenizer, TokenizerError, TokenType } from '@streamparser/json';
import { BytePositions } from './byte-positions.js';
import { convertTypedValue } from './compile-converter.js';
import { PROGRESS_INTERVAL, type LoadCollector } from './load-collector.js';
import { ValueFailure } from './parse-values.js';
import type { DataRecord, InputError, SourcePosition } from './snapshot-types.js';
import type { TableModel } from './table-model.js';

/** A key of a row object and its value as read: where each is, the value as written. */
interface Entry {
  readonly key: string;
  readonly keyOffset: number;
  valueOffset: number;
  raw: unknown;
  text: string | undefined;
}

/** An object or array being read; rows (objects directly in the top array) keep their entries in order. */
interface Frame {
  readonly kind: 'array' | 'object';
  readonly start: number;
  /** What may come next: a value (or the end after `[`), a key (or the end after `{`), `:`, `,` or the end. */
  expect: 'first' | 'value' | 'key' | 'colon' | 'next';
  readonly items?: unknown[];
  readonly object?: Record<string, unknown>;
  readonly entries?: Entry[];
  key?: string;
  keyOffset?: number;
}

/** Stops a scan at the first syntax error or at a top value that is not an array: the rest of the file cannot be read as rows. */
class Stop extends Error {}

/** What a scan of a JSON table found besides its rows. */
export interface JsonScan {
  readonly rows: number;
  /** The columns of the keys read, in the order first met. */
  readonly columns: readonly string[];
}

/**
 * Streams a table written as a JSON array of objects (`traces.json`) to `visit`, in bounded
 * memory: bytes through @streamparser/json's tokenizer, one row object assembled at a time,
 * each row at its line and each bad value at its line and column, read and checked as the
 * streamed CSV rows are (docs/PERFORMANCE.md). `limit` stops after that many bytes without an
 * error for the part not read: the load reads the columns of the first rows so.
 */
export async function scanJsonTable(
  path: string,
  file: string,
  model: TableModel,
  collector: LoadCollector,
  visit: (record: DataRecord) => void,
  limit?: number,
): Promise<JsonScan> {
  const positions = new BytePositions();
  const required = [...model.columns.values()].filter((column) => column.required).map((column) => column.name);
  const columns: string[] = [];
  const stack: Frame[] = [];
  let rows = 0;
  let ended = false;
  let lastOffset = 0;

  const fail = (offset: number, reason: string): never => {
    collector.fileError({ file, ...positions.at(offset), code: 'yaml-syntax', params: { reason } });
    throw new Stop();
  };

  const row = (frame: Frame, at: SourcePosition) => {
    rows++;
    if (rows % PROGRESS_INTERVAL === 0) collector.progress(file, rows, false);
    const values: Record<string, unknown> = {};
    let errors: InputError[] | undefined;
    const seen = new Set<string>();
    for (const entry of frame.entries!) {
      const name = model.resolveHeader(entry.key);
      if (name === undefined) continue;
      if (seen.has(name)) {
        (errors ??= []).push({ file, ...positions.at(entry.keyOffset), code: 'duplicate-column', value: entry.key, params: { column: name } });
        continue;
      }
      seen.add(name);
      if (!columns.includes(name)) columns.push(name);
      if (entry.raw === null) continue;
      const column = model.columns.get(name)!;
      const value = convertTypedValue(column.schema, column.convert, entry.raw, entry.text);
      if (value instanceof ValueFailure) {
        const error: InputError = { file, ...positions.at(entry.valueOffset), code: value.code, params: { column: name, ...value.params } };
        (errors ??= []).push(entry.text === undefined ? error : { ...error, value: entry.text });
      } else if (value !== undefined) values[name] = value;
    }
    for (const [column, value] of model.defaults) if (values[column] === undefined) values[column] = value;
    for (const column of required) {
      if (values[column] !== undefined || errors?.some((error) => error.params?.column === column)) continue;
      (errors ??= []).push({ file, ...at, code: 'required', params: { column } });
    }
    if (errors) collector.rowErrors(file, at.line, errors);
    else visit({ table: model.name, file, line: at.line, values });
  };

  /** A value of the top array that is not an object: a row with one error. */
  const notAnObject = (offset: number, text: string | undefined) => {
    rows++;
    const at = positions.at(offset);
    const error: InputError = { file, ...at, code: 'not-an-object', params: { table: model.name } };
    collector.rowErrors(file, at.line, [text === undefined ? error : { ...error, value: text }]);
  };

  // Row starts, in the order of the file: their lines are counted as the tokens come.
  const rowStarts = new Map<Frame, SourcePosition>();

  /** A complete value (scalar, or a closed object or array) where the innermost frame expects one. */
  const complete = (value: unknown, offset: number, text: string | undefined, closed?: Frame) => {
    const frame = stack.at(-1);
    if (!frame) {
      ended = true;
      return;
    }
    if (frame.kind === 'array') {
      if (frame.expect !== 'first' && frame.expect !== 'value') fail(offset, 'MISSING_CHAR');
      frame.expect = 'next';
      if (stack.length === 1) {
        if (closed?.entries) row(closed, rowStarts.get(closed)!);
        else notAnObject(offset, text);
        if (closed) rowStarts.delete(closed);
      } else frame.items!.push(value);
      return;
    }
    if (frame.expect !== 'value') fail(offset, 'MISSING_CHAR');
    frame.expect = 'next';
    if (frame.entries) frame.entries.push({ key: frame.key!, keyOffset: frame.keyOffset!, valueOffset: offset, raw: value, text });
    else frame.object![frame.key!] = value;
  };

  const open = (kind: 'array' | 'object', offset: number) => {
    if (ended) fail(offset, 'UNEXPECTED_TOKEN');
    const parent = stack.at(-1);
    if (!parent && kind !== 'array') {
      collector.fileError({ file, ...positions.at(offset), code: 'not-an-array', params: { table: model.name } });
      throw new Stop();
    }
    if (parent && !(parent.kind === 'array' ? parent.expect === 'first' || parent.expect === 'value' : parent.expect === 'value')) fail(offset, 'MISSING_CHAR');
    const isRow = kind === 'object' && stack.length === 1;
    const frame: Frame =
      kind === 'array' ? { kind, start: offset, expect: 'first', ...(parent ? { items: [] } : {}) } : { kind, start: offset, expect: 'first', ...(isRow ? { entries: [] } : { object: {} }) };
    if (kind === 'object') frame.expect = 'key';
    if (isRow) rowStarts.set(frame, positions.at(offset));
    stack.push(frame);
  };

  const close = (kind: 'array' | 'object', offset: number) => {
    const frame = stack.at(-1);
    if (!frame || frame.kind !== kind) fail(offset, 'UNEXPECTED_TOKEN');
    const ok = kind === 'array' ? frame!.expect === 'first' || frame!.expect === 'next' : frame!.expect === 'key' && isEmpty(frame!) || frame!.expect === 'next';
    if (!ok) fail(offset, 'MISSING_CHAR');
    stack.pop();
    const value = kind === 'array' ? frame!.items : frame!.object;
    complete(value, frame!.start, undefined, frame);
  };

  const scalar = (value: unknown, offset: number, text: string | undefined) => {
    if (ended) fail(offset, 'UNEXPECTED_TOKEN');
    const frame = stack.at(-1);
    if (!frame) {
      collector.fileError({ file, ...positions.at(offset), code: 'not-an-array', params: { table: model.name } });
      throw new Stop();
    }
    if (frame.kind === 'object' && (frame.expect === 'key' || frame.expect === 'first')) {
      if (typeof value !== 'string') fail(offset, 'UNEXPECTED_TOKEN');
      frame.key = value as string;
      frame.keyOffset = offset;
      frame.expect = 'colon';
      return;
    }
    complete(value, offset, text);
  };

  const tokenizer = new Tokenizer();
  tokenizer.onToken = ({ token, value, offset }) => {
    lastOffset = offset;
    switch (token) {
      case TokenType.LEFT_BRACKET:
        return open('array', offset);
      case TokenType.LEFT_BRACE:
        return open('object', offset);
      case TokenType.RIGHT_BRACKET:
        return close('array', offset);
      case TokenType.RIGHT_BRACE:
        return close('object', offset);
      case TokenType.COLON: {
        const frame = stack.at(-1);
        if (frame?.kind !== 'object' || frame.expect !== 'colon') fail(offset, 'UNEXPECTED_TOKEN');
        frame!.expect = 'value';
        return;
      }
      case TokenType.COMMA: {
        const frame = stack.at(-1);
        if (!frame || frame.expect !== 'next') fail(offset, 'UNEXPECTED_TOKEN');
        frame!.expect = frame!.kind === 'array' ? 'value' : 'key';
        return;
      }
      case TokenType.STRING:
        return scalar(value, offset, value as string);
      case TokenType.NULL:
        return scalar(null, offset, undefined);
      default:
        return scalar(value, offset, String(value));
    }
  };

  let read = 0;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, ...(limit === undefined ? {} : { end: limit - 1 }) }) as AsyncIterable<Buffer>) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        positions.push(chunk);
        collector.fileError({ file, ...positions.at(read + firstBadByte(chunk)), code: 'json-not-utf8' });
        throw new Stop();
      }
      positions.push(chunk);
      read += chunk.length;
      writeChunk(tokenizer, chunk, fail);
    }
    if (limit === undefined || read < limit) {
      try {
        tokenizer.end();
      } catch (error) {
        if (!(error instanceof TokenizerError)) throw error;
        fail(read, 'MISSING_CHAR');
      }
      if (stack.length > 0) fail(Math.max(read, lastOffset), 'MISSING_CHAR');
      if (!ended && stack.length === 0) collector.fileError({ file, line: 1, column: 1, code: 'not-an-array', params: { table: model.name } });
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  collector.progress(file, rows, true);
  return { rows, columns };
}

function isEmpty(frame: Frame): boolean {
  return (frame.entries?.length ?? Object.keys(frame.object ?? {}).length) === 0 && frame.key === undefined;
}

/** The tokenizer's syntax errors, at the byte they name. */
function writeChunk(tokenizer: Tokenizer, chunk: Buffer, fail: (offset: number, reason: string) => never): void {
  try {
    tokenizer.write(chunk);
  } catch (error) {
    if (!(error instanceof TokenizerError)) throw error;
    const offset = /absolute position "(\d+)"/.exec(error.message)?.[1];
    fail(offset === undefined ? 0 : Number(offset), 'UNEXPECTED_TOKEN');
  }
}

/** The offset of the first byte of a chunk that is not UTF-8: the longest prefix that decodes, found by halving. */
function firstBadByte(chunk: Buffer): number {
  let good = 0;
  let bad = chunk.length;
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, middle), { stream: true });
      good = middle;
    } catch {
      bad = middle;
    }
  }
  // A lead byte the decoder held for the bytes after it is where the bad character starts.
  let lead = good;
  while (lead > 0 && good - lead < 3 && (chunk[lead - 1] & 0xc0) === 0x80) lead--;
  if (lead > 0 && chunk[lead - 1] >= 0xc0 && good - (lead - 1) < sequenceLength(chunk[lead - 1])) return lead - 1;
  return good;
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}
