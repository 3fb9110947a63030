import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { cellText, isBlankRecord } from './cell-text.js';
import { controlCell, controlError } from './control-characters.js';
import { CsvTokenizer, recordText, type LineEnds } from './csv-tokenizer.js';
import { shownText } from './shown-text.js';
import { BadBytesLocator, badBytesError, EncodingEvidence, type BadBytes, type EncodingVerdict, type TextEncoding } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { LoadCollector, PROGRESS_INTERVAL } from './load-collector.js';
import { ValueFailure } from './parse-values.js';
import type { DataRecord, InputError, ScanRange } from './snapshot-types.js';
import { blankColumnCheck, recogniseHeader, type HeaderReport, type RecognisedHeader } from './read-header.js';
import type { TableModel } from './table-model.js';

/** Bytes read from the file at a time, into one buffer per reading (fileBlocks). */
const READ_CHUNK = 1 << 20;

/** Bytes decoded into one string at a time: small enough to die young (docs/PERFORMANCE.md). */
const TEXT_CHUNK = 1 << 16;

/** How a streamed file's bytes become text: an encoding that explains every byte, and the BOM to skip. */
interface Decoding {
  readonly encoding: TextEncoding;
  readonly skip: number;
}

/** The header of a streamed CSV table: its delimiter and what the header row says. */
export interface CsvHeader extends RecognisedHeader {
  readonly delimiter: string;
}

/** A streamed file's encoding, on the evidence of its first block (`firstChunkOnly`, for the header) or of every byte. */
async function detectEncoding(path: string, firstChunkOnly: boolean): Promise<EncodingVerdict> {
  const evidence = new EncodingEvidence();
  for await (const block of fileBlocks(path)) {
    evidence.push(block);
    if (firstChunkOnly || evidence.decided) break;
  }
  return evidence.finish(!firstChunkOnly);
}

/** The error of bytes no encoding explains, located by reading the file up to them. */
async function badBytesIn(path: string, file: string, bad: BadBytes): Promise<InputError> {
  const locator = new BadBytesLocator(bad);
  for await (const block of fileBlocks(path)) if (locator.push(block)) break;
  return badBytesError(file, bad, locator.place());
}

/** A file's bytes in [start, end), reusing one buffer: stream buffers lived too long (docs/PERFORMANCE.md). */
async function* fileBlocks(path: string, start = 0, end?: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    for (let position = start; end === undefined || position < end; ) {
      const length = end === undefined ? buffer.length : Math.min(buffer.length, end - position);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Text chunks of a file in its encoding, from byte `start` (the BOM skipped) to `end` (excluded) or the end. */
async function* textChunks(path: string, { encoding, skip }: Decoding, start = 0, end?: number): AsyncGenerator<string> {
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  const decoder = utf8 ? new TextDecoder('utf-8') : undefined;
  const iconvDecoder = utf8 ? undefined : iconv.getDecoder(encoding === 'windows-1252' ? 'win1252' : encoding);
  const from = Math.max(start, skip);
  if (end !== undefined && end <= from) return;
  for await (const bytes of fileBlocks(path, from, end)) {
    // Each slice is copied into a string before the shared block is read over.
    for (let offset = 0; offset < bytes.length; offset += TEXT_CHUNK) {
      const slice = bytes.subarray(offset, offset + TEXT_CHUNK);
      yield decoder ? decoder.decode(slice, { stream: true }) : iconvDecoder!.write(slice);
    }
  }
  const last = decoder ? decoder.decode() : (iconvDecoder!.end() ?? '');
  if (last) yield last;
}

/** Maps a header row to the table's canonical columns (src/snapshot/read-header.ts); its problems go to `report`. */
export function readStreamHeader(cells: readonly string[], line: number, file: string, model: TableModel, delimiter: string, report?: HeaderReport): CsvHeader {
  return { ...recogniseHeader(cells, line, file, model, report), delimiter };
}

/** Reads only the header of a CSV file (the columns present), without reading its rows; its first megabyte decides its encoding for now. */
export async function readCsvHeader(path: string, file: string, model: TableModel, collector: LoadCollector): Promise<(CsvHeader & { readonly encoding: TextEncoding }) | undefined> {
  const verdict = await detectEncoding(path, true);
  if (verdict.bad) {
    collector.fileError(await badBytesIn(path, file, verdict.bad));
    return undefined;
  }
  const header = await headerIn(path, file, model, { encoding: verdict.encoding, skip: verdict.bom }, collector);
  return header && { ...header, encoding: verdict.encoding };
}

/** The header of a CSV file read in the given encoding; its problems go to the collector. */
async function headerIn(path: string, file: string, model: TableModel, encoding: Decoding, collector: LoadCollector): Promise<CsvHeader | undefined> {
  let header: CsvHeader | undefined;
  let tokenizer: CsvTokenizer | undefined;
  let delimiter = ',';
  const onRecord = (cells: string[], line: number) => {
    if (header || (isBlankRecord(cells) && (!tokenizer!.controls || controlCell(cells) === -1))) return;
    header = readStreamHeader(cells, line, file, model, delimiter, { error: (error) => collector.fileError(error), warning: (warning) => collector.warning(warning) });
    const control = tokenizer!.controls ? controlError(cells, line, file, undefined) : undefined;
    if (control) collector.fileError(control);
  };
  const onUnclosedQuote = (line: number, text: string) => collector.fileError({ file, line, column: 1, code: 'csv-syntax', value: shownText(text), params: { reason: 'CSV_QUOTE_NOT_CLOSED' } });
  // Stop as soon as the header is read: the rows are the scan's, and a quoted cell cut by the
  // end of a chunk must not look unclosed.
  for await (const text of textChunks(path, encoding)) {
    if (!tokenizer) {
      delimiter = detectDelimiter(Buffer.from(text.slice(0, 65536)));
      tokenizer = new CsvTokenizer(delimiter, onRecord, onUnclosedQuote);
    }
    tokenizer.push(text);
    if (header) return header;
  }
  tokenizer?.push('', true);
  if (header) return header;
  collector.fileError({ file, line: 1, column: 1, code: 'missing-header' });
  return undefined;
}

/** Streams a CSV table's converted rows to `visit`; no ajv per row, which costs more than the parse. */
export async function scanCsvTable(
  path: string,
  file: string,
  model: TableModel,
  collector: LoadCollector,
  visit: (record: DataRecord) => void,
  range?: ScanRange,
): Promise<{ rows: number; whole?: boolean; nextLine?: number; encoding?: TextEncoding; lineEnds?: LineEnds }> {
  const verdict = await detectEncoding(path, false);
  if (verdict.bad) {
    // Reported once, by the reading of the file's start; that part claims the whole file so that no other part is merged.
    if (!range || range.start === 0) collector.fileError(await badBytesIn(path, file, verdict.bad));
    collector.progress(file, 0, true);
    return { rows: 0, ...(range?.end !== undefined ? { whole: true } : {}) };
  }
  const encoding: Decoding = { encoding: verdict.encoding, skip: verdict.bom };
  // Byte ranges are cut at line ends: a byte 10 or 13 is one only in an ASCII-compatible encoding.
  const cut = range !== undefined && (encoding.encoding === 'utf-8' || encoding.encoding === 'utf-8-bom' || encoding.encoding === 'windows-1252');
  if (range && range.start > 0 && !cut) throw new Error(`${file}: lecture par parties impossible dans l'encodage ${encoding.encoding}`);
  // A part from mid-file decodes its header in the whole file's encoding, not the first chunk's.
  let header: CsvHeader | undefined = range && range.start > 0 ? await headerIn(path, file, model, encoding, new LoadCollector()) : undefined;
  if (range && range.start > 0 && !header) throw new Error(`${file}: en-tête illisible`);
  let rows = 0;
  let tokenizer: CsvTokenizer | undefined;
  let delimiter = header?.delimiter ?? ',';
  const required = [...model.columns.values()].filter((column) => column.required).map((column) => column.name);
  let build: RowBuilder | undefined;
  let checkBlank: ((cells: readonly string[], line: number) => void) | undefined;
  const failures: ConversionFailure[] = [];
  const onRecord = (cells: string[], line: number, quoted?: readonly boolean[]) => {
    if (!header) {
      if (isBlankRecord(cells)) return;
      header = readStreamHeader(cells, line, file, model, delimiter);
      return;
    }
    // Blank-looking lines are skipped (and not counted) as held tables skip them.
    const controls = tokenizer!.controls;
    if (isBlankRecord(cells) && (!controls || controlCell(cells) === -1)) return;
    rows++;
    if (rows % PROGRESS_INTERVAL === 0) collector.progress(file, rows, false);
    if (cells.length !== header.width) {
      const value = recordText(cells, delimiter, quoted);
      collector.rowErrors(file, line, [{ file, line, column: Math.min(cells.length, header.width) + 1, code: 'field-count', value, params: { expected: header.width, actual: cells.length } }]);
      return;
    }
    // Cells are searched only in text that holds a control character: the fast path pays one test per chunk.
    const control = controls ? controlError(cells, line, file, header.cells) : undefined;
    if (control) {
      collector.rowErrors(file, line, [control]);
      return;
    }
    if (!build) {
      build = compileRowBuilder(header, model);
      checkBlank = blankColumnCheck(header, file, (error) => collector.fileError(error));
    }
    checkBlank?.(cells, line);
    failures.length = 0;
    const values = build(cells, quoted, failures);
    let errors: InputError[] | undefined;
    for (const { position, failure } of failures) {
      const { model: column, index, header: written } = header.columns[position];
      (errors ??= []).push({ file, line, column: index + 1, code: failure.code, value: cells[index], params: { column: column.name, header: written, ...failure.params } });
    }
    for (const column of required) {
      if (values[column] !== undefined || errors?.some((error) => error.params?.column === column)) continue;
      const found = header.columns.find((candidate) => candidate.model.name === column);
      (errors ??= []).push({ file, line, column: (found?.index ?? 0) + 1, code: 'required', params: { column, ...(found ? { header: found.header } : {}) } });
    }
    if (errors) collector.rowErrors(file, line, errors);
    else visit({ table: model.name, file, line, values });
  };
  const push = (text: string) => {
    if (!tokenizer) {
      if (!header) delimiter = detectDelimiter(Buffer.from(text.slice(0, 65536)));
      tokenizer = new CsvTokenizer(
        delimiter,
        onRecord,
        (line, text) => collector.fileError({ file, line, column: 1, code: 'csv-syntax', value: shownText(text), params: { reason: 'CSV_QUOTE_NOT_CLOSED' } }),
        range?.line ?? 1,
      );
    }
    tokenizer.push(text);
  };
  const end = cut ? range.end : undefined;
  for await (const text of textChunks(path, encoding, range?.start ?? 0, end)) push(text);
  if (end !== undefined) {
    if (!tokenizer?.pending) {
      collector.progress(file, rows, true);
      return { rows, whole: false, nextLine: tokenizer?.nextLine ?? range!.line, encoding: encoding.encoding, lineEnds: tokenizer?.lineEnds ?? 'none' };
    }
    // The part ends inside a quoted multi-line cell: read on to the end of the file.
    for await (const text of textChunks(path, encoding, end)) push(text);
  }
  (tokenizer as CsvTokenizer | undefined)?.push('', true);
  collector.progress(file, rows, true);
  const lineEnds = (tokenizer as CsvTokenizer | undefined)?.lineEnds ?? 'none';
  return { rows, ...(range?.end !== undefined ? { whole: true } : {}), encoding: encoding.encoding, lineEnds };
}

/** A conversion that failed, by position in the header's columns. */
interface ConversionFailure {
  readonly position: number;
  readonly failure: ValueFailure;
}

/** A row's converted values; the conversions that fail are added to `failures` instead. */
type RowBuilder = (cells: readonly string[], quoted: readonly boolean[] | undefined, failures: ConversionFailure[]) => Record<string, unknown>;

/** Compiles a header's row conversion to straight-line stores, faster than a loop (docs/PERFORMANCE.md). */
function compileRowBuilder(header: CsvHeader, model: TableModel): RowBuilder {
  const converters = header.columns.map(({ model: column }) => column.convert);
  const lines = ['const values = {};', 'let cell, text, value;'];
  header.columns.forEach(({ model: column, index }, position) => {
    const name = JSON.stringify(column.name);
    lines.push(
      `cell = cells[${index}];`,
      `text = cellText(cell, quoted !== undefined && quoted[${index}] === true);`,
      `if (text !== '') {`,
      `  value = converters[${position}](text);`,
      `  if (value instanceof ValueFailure) failures.push({ position: ${position}, failure: value });`,
      `  else values[${name}] = value;`,
      '}',
    );
  });
  model.defaults.forEach(([column], position) => {
    lines.push(`if (values[${JSON.stringify(column)}] === undefined) values[${JSON.stringify(column)}] = defaults[${position}];`);
  });
  lines.push('return values;');
  const defaults = model.defaults.map(([, value]) => value);
  const factory = new Function('converters', 'defaults', 'ValueFailure', 'cellText', `return (cells, quoted, failures) => {\n${lines.join('\n')}\n};`);
  return factory(converters, defaults, ValueFailure, cellText) as RowBuilder;
}
