import { createReadStream } from 'node:fs';
import { Tokenizer, TokenizerError, TokenType } from '@streamparser/json';
import { BytePositions } from './byte-positions.js';
import type { LoadCollector } from './load-collector.js';
import type { SourcePosition } from './snapshot-types.js';

/** A key of a row object and its value as read: their byte offsets, the value as written. */
export interface JsonEntry {
  readonly key: string;
  readonly keyOffset: number;
  readonly valueOffset: number;
  /** A scalar, or the object or array it holds. */
  readonly raw: unknown;
  /** A scalar as written (a string's text, a number's digits); undefined for null and containers. */
  readonly text: string | undefined;
}

/**
 * What receives the rows of a JSON table. `locate` turns a byte offset of the row into its line
 * and column; it is valid during the call only, for offsets asked in increasing order.
 */
export interface JsonRowSink {
  object(at: SourcePosition, entries: readonly JsonEntry[], locate: (offset: number) => SourcePosition): void;
  /** An item of the top array that is not an object. */
  other(at: SourcePosition, text: string | undefined): void;
}

/** An object or array being read; rows (objects directly in the top array) keep their entries in order. */
interface Frame {
  readonly kind: 'array' | 'object';
  readonly start: number;
  /** What may come next: a value (or the end, after `[`), a key (or the end, after `{`), `:`, or `,` and the end. */
  expect: 'first' | 'value' | 'key' | 'colon' | 'next';
  readonly items?: unknown[];
  readonly object?: Record<string, unknown>;
  readonly entries?: JsonEntry[];
  at?: SourcePosition;
  key?: string;
  keyOffset?: number;
}

/** Stops a reading at its first syntax error, or at a top value that is not an array: the rest cannot be read as rows. */
class Stop extends Error {}

/**
 * Reads a table written as a JSON array of objects as its bytes stream in, in bounded memory:
 * @streamparser/json's tokenizer gives each token with its byte offset, one row object is
 * assembled at a time and handed to `sink` at its line. The grammar is checked here (the
 * tokenizer checks tokens only); a syntax error is a `yaml-syntax` error at its byte, as the
 * held reader's are, and ends the reading. `limit` stops after that many bytes, the part not
 * read unjudged. False when a file error stopped the reading.
 */
export async function readJsonRows(path: string, file: string, table: string, collector: LoadCollector, sink: JsonRowSink, limit?: number): Promise<boolean> {
  const positions = new BytePositions();
  const stack: Frame[] = [];
  let ended = false;
  let lastOffset = 0;
  const locate = (offset: number) => positions.at(offset);

  const stop = (offset: number, code: string, params?: Record<string, string>): never => {
    collector.fileError({ file, ...positions.at(offset), code, ...(params ? { params } : {}) });
    throw new Stop();
  };
  const fail = (offset: number, reason: string): never => stop(offset, 'yaml-syntax', { reason });

  /** A complete value (a scalar, or a closed object or array) where the innermost frame expects one. */
  const complete = (value: unknown, offset: number, text: string | undefined, closed?: Frame) => {
    const frame = stack.at(-1);
    if (!frame) {
      ended = true;
      return;
    }
    if (frame.kind === 'array') {
      if (frame.expect !== 'first' && frame.expect !== 'value') fail(offset, 'MISSING_CHAR');
      frame.expect = 'next';
      if (stack.length > 1) frame.items!.push(value);
      else if (closed?.entries) sink.object(closed.at!, closed.entries, locate);
      else sink.other(positions.at(offset), text);
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
    if (!parent && kind !== 'array') stop(offset, 'not-an-array', { table });
    if (parent && !(parent.expect === 'value' || (parent.kind === 'array' && parent.expect === 'first'))) fail(offset, 'MISSING_CHAR');
    if (kind === 'array') {
      stack.push({ kind, start: offset, expect: 'first', ...(parent ? { items: [] } : {}) });
      return;
    }
    const isRow = stack.length === 1;
    // A row's line is counted when it opens: its evidence and its errors need it.
    stack.push({ kind, start: offset, expect: 'key', ...(isRow ? { entries: [], at: positions.at(offset) } : { object: {} }) });
  };

  const close = (kind: 'array' | 'object', offset: number) => {
    const frame = stack.at(-1);
    if (!frame || frame.kind !== kind) return fail(offset, 'UNEXPECTED_TOKEN');
    const empty = frame.key === undefined;
    const closes = frame.expect === 'next' || (kind === 'array' ? frame.expect === 'first' : frame.expect === 'key' && empty);
    if (!closes) fail(offset, 'MISSING_CHAR');
    stack.pop();
    complete(kind === 'array' ? frame.items : frame.object, frame.start, undefined, frame);
  };

  const scalar = (value: unknown, offset: number, text: string | undefined) => {
    if (ended) fail(offset, 'UNEXPECTED_TOKEN');
    const frame = stack.at(-1);
    if (!frame) return stop(offset, 'not-an-array', { table });
    if (frame.kind === 'object' && frame.expect === 'key') {
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
        if (frame?.kind !== 'object' || frame.expect !== 'colon') return fail(offset, 'UNEXPECTED_TOKEN');
        frame.expect = 'value';
        return;
      }
      case TokenType.COMMA: {
        const frame = stack.at(-1);
        if (!frame || frame.expect !== 'next') return fail(offset, 'UNEXPECTED_TOKEN');
        frame.expect = frame.kind === 'array' ? 'value' : 'key';
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
      positions.push(chunk);
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        stop(read + firstBadByte(chunk), 'json-not-utf8');
      }
      read += chunk.length;
      try {
        tokenizer.write(chunk);
      } catch (error) {
        if (!(error instanceof TokenizerError)) throw error;
        // The tokenizer names the byte it could not read.
        fail(Number(/absolute position "(\d+)"/.exec(error.message)?.[1] ?? lastOffset), 'UNEXPECTED_TOKEN');
      }
    }
    if (limit !== undefined && read >= limit) return true;
    try {
      tokenizer.end();
    } catch (error) {
      if (!(error instanceof TokenizerError)) throw error;
      fail(read, 'MISSING_CHAR');
    }
    if (stack.length > 0) fail(Math.max(read, lastOffset), 'MISSING_CHAR');
    // An empty file, or blanks only: no array at all.
    if (!ended) stop(0, 'not-an-array', { table });
    return true;
  } catch (error) {
    if (error instanceof Stop) return false;
    throw error;
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
