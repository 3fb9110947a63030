import { constants } from 'node:fs';
import { open, readlink, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { kindOf } from '../util/read-bounded-text.js';
import { isMap, isScalar } from 'yaml';
import { asOfWarnings } from './as-of-warnings.js';
import { decodeFile } from './decode-text.js';
import { lineEndsOf } from './line-ends.js';
import { isOmission, skippedCount } from './error-cap.js';
import { LoadCollector } from './load-collector.js';
import { parseYamlText } from './parse-yaml-text.js';
import { readCsvTable } from './read-csv.js';
import { HELD_JSON_STREAM_BYTES, readJsonTable, readJsonTableFile, readJsonTableStream } from './read-json-table.js';
import { KeyRecogniser } from './read-header.js';
import { readPartner } from './read-partner.js';
import { scanJsonTable } from './scan-json-table.js';
import { reportYamlErrors } from './report-yaml-errors.js';
import { listSnapshotFiles, statFollowing, type SnapshotFileProblem } from './snapshot-files.js';
import { addRead, completeManifest, readOf, type TableReads } from './table-read.js';
import type { DataRecord, InputError, LoadOptions, LoadResult, PartnerDocument, ScanOptions, ScanResult, SkippedRow, Snapshot, Table } from './snapshot-types.js';
import { getTableModel, type TableModel } from './table-model.js';
import { readCsvHeader, scanCsvTable } from './scan-csv-table.js';
import { STREAMED_SOURCES, TABLE_NAMES } from './table-schemas.js';

/** The tables of a snapshot, in the order the documents list them. */
export function listTableNames(): string[] {
  return [...TABLE_NAMES];
}

/** A CSV table whose header is checked now and whose rows are streamed by `scan`. */
async function streamedCsvTable(path: string, file: string, model: TableModel, collector: LoadCollector): Promise<Table | undefined> {
  const header = await readCsvHeader(path, file, model, collector).catch((error: unknown) => {
    collector.fileError({ file, line: 1, column: 1, code: 'unreadable', params: { reason: reasonOf(error) } });
    return undefined;
  });
  if (!header) return undefined;
  // Rows, line ends and the whole file's encoding come from the scans (run-check.ts, validate).
  collector.describe(file, {
    format: 'csv',
    table: model.name,
    encoding: header.encoding,
    delimiter: header.delimiter,
    streamed: true,
    columns: header.cells,
  });
  const scan = async (visit: (record: DataRecord) => void, options: ScanOptions = {}): Promise<ScanResult> => {
    const scanCollector = new LoadCollector(options);
    const scanned = await scanCsvTable(path, file, model, scanCollector, visit, options.range);
    return { ...scanned, errors: scanCollector.errors, skipped: scanCollector.skipped };
  };
  const ignored = header.ignored.length > 0 ? { ignored: header.ignored } : {};
  return { name: model.name, file, columns: header.columns.map((column) => column.model.name), records: [], scan, ...ignored };
}

/** How many bytes of a streamed JSON table the load reads for its columns (the keys of its first rows). */
const JSON_COLUMNS_PREFIX = 1 << 20;

/** A JSON table streamed by `scan` (traces.json); its columns are the keys of the rows in its first MiB. */
async function streamedJsonTable(path: string, file: string, model: TableModel, collector: LoadCollector): Promise<Table> {
  // The prefix's errors are the scan's to report, with the rest of the file's; its unknown keys are said now.
  const keys = new KeyRecogniser(file, model, { error: () => undefined, warning: (warning) => collector.warning(warning) });
  const prefix = await scanJsonTable(path, file, model, new LoadCollector(), () => undefined, JSON_COLUMNS_PREFIX, keys);
  // Read as its bytes stream in, the file is UTF-8 (read-json-rows.ts refuses any other bytes).
  collector.describe(file, { format: 'json', table: model.name, encoding: 'utf-8', streamed: true, columns: keys.manifest });
  const scan = async (visit: (record: DataRecord) => void, options: ScanOptions = {}): Promise<ScanResult> => {
    const scanCollector = new LoadCollector(options);
    const scanned = await scanJsonTable(path, file, model, scanCollector, visit);
    return { rows: scanned.rows, errors: scanCollector.errors, skipped: scanCollector.skipped };
  };
  return { name: model.name, file, columns: prefix.columns, records: [], scan, ...(keys.ignored.length > 0 ? { ignored: keys.ignored } : {}) };
}

interface Loaded {
  readonly partner?: PartnerDocument;
  readonly tables: Map<string, Table>;
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'EIO';
}

/** A file's size, or 0 when it cannot be read (readBytes then says why). */
async function sizeOf(path: string): Promise<number> {
  return stat(path).then((stats) => stats.size, () => 0);
}

/**
 * A file's bytes, opened non-blocking and checked on the open descriptor: the path listed as a
 * regular file may have become a FIFO since, which a plain open would wait on forever.
 */
async function readBytes(path: string, file: string, collector: LoadCollector): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (stats.isFile()) return await handle.readFile();
    collector.fileError({ file, line: 1, column: 1, code: 'unreadable', params: { reason: 'NOT_REGULAR', kind: kindOf(stats) } });
    return undefined;
  } catch (error) {
    collector.fileError({ file, line: 1, column: 1, code: 'unreadable', params: { reason: reasonOf(error) } });
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** A snapshot name that is not a regular file: an error at its name, the link's target as its value. */
async function reportProblem(folder: string, problem: SnapshotFileProblem, collector: LoadCollector): Promise<void> {
  const target = problem.reason === 'DANGLING_LINK' || problem.reason === 'ELOOP' ? await readlink(join(folder, problem.name)).catch(() => undefined) : undefined;
  collector.fileError({
    file: problem.name,
    line: 1,
    column: 1,
    code: 'unreadable',
    ...(target === undefined ? {} : { value: target }),
    params: problem.kind === undefined ? { reason: problem.reason } : { reason: problem.reason, kind: problem.kind },
  });
}

async function loadFolder(folder: string, collector: LoadCollector, options: LoadOptions): Promise<Loaded> {
  const stream = options.stream ?? true;
  const tables = new Map<string, Table>();
  const files = await listSnapshotFiles(folder).catch((error: unknown) => {
    collector.fileError({ file: folder, line: 1, column: 1, code: 'unreadable', params: { reason: reasonOf(error) } });
    return undefined;
  });
  if (!files) return { tables };
  for (const problem of files.problems) await reportProblem(folder, problem, collector);
  let partner: PartnerDocument | undefined;
  const partnerProblem = files.problems.some((problem) => problem.table === undefined);
  if (files.partner.length === 0) {
    // A partner.yaml that is a dangling link or a folder has its own error: it is not « absent ».
    if (!partnerProblem) collector.fileError({ file: 'partner.yaml', line: 1, column: 1, code: 'missing-partner' });
  } else if (files.partner.length > 1) {
    collector.fileError({ file: files.partner[1], line: 1, column: 1, code: 'conflicting-files', params: { files: files.partner.join(', ') } });
  } else {
    const file = files.partner[0];
    const bytes = await readBytes(join(folder, file), file, collector);
    const text = bytes && decodedPartner(bytes, file, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', collector);
    const source = text !== undefined ? parseYamlText(text) : undefined;
    if (source && reportYamlErrors(source, file, collector)) partner = readPartner(source, file, collector);
    collector.progress(file, 0, true);
  }
  for (const name of TABLE_NAMES) {
    const candidates = files.tables.get(name) ?? [];
    if (candidates.length > 1) {
      collector.fileError({ file: candidates[1], line: 1, column: 1, code: 'conflicting-files', params: { files: candidates.join(', ') } });
      continue;
    }
    const file = candidates[0];
    if (file === undefined || (options.tables && !options.tables.includes(name))) continue;
    const model = getTableModel(name);
    if (stream && STREAMED_SOURCES.has(name) && extname(file).toLowerCase() !== '.json') {
      const table = await streamedCsvTable(join(folder, file), file, model, collector);
      if (table) tables.set(name, table);
      continue;
    }
    if (stream && STREAMED_SOURCES.has(name)) {
      tables.set(name, await streamedJsonTable(join(folder, file), file, model, collector));
      continue;
    }
    const isJson = extname(file).toLowerCase() === '.json';
    if (isJson && (await sizeOf(join(folder, file))) > HELD_JSON_STREAM_BYTES) {
      const table = await readJsonTableStream(join(folder, file), file, model, collector);
      if (table) tables.set(name, table);
      continue;
    }
    const bytes = await readBytes(join(folder, file), file, collector);
    if (!bytes) continue;
    const table = isJson
      ? readJsonTableFile(bytes, file, model, collector)
      : readCsvTable(bytes, file, model, collector);
    if (table) tables.set(name, table);
  }
  return { partner, tables };
}

/** A single JSON file: the partner keys and, beside them, one array per table. */
async function loadSingleFile(path: string, collector: LoadCollector): Promise<Loaded> {
  const file = basename(path);
  const tables = new Map<string, Table>();
  const bytes = await readBytes(path, file, collector);
  const text = bytes && decodedPartner(bytes, file, 'json', collector);
  const source = text !== undefined ? parseYamlText(text) : undefined;
  if (!source || !reportYamlErrors(source, file, collector)) return { tables };
  const contents = source.document.contents;
  const tableKeys = new Set<string>();
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined || !TABLE_NAMES.includes(name)) continue;
      tableKeys.add(name);
      const table = readJsonTable(pair.value, source, file, getTableModel(name), collector);
      const whole = collector.described(file);
      collector.describe(file, { format: 'json', table: name, ...(whole?.encoding ? { encoding: whole.encoding } : {}), ...(whole?.lineEnds ? { lineEnds: whole.lineEnds } : {}) });
      if (table) tables.set(name, table);
    }
  }
  const partner = readPartner(source, file, collector, tableKeys);
  return { partner, tables: new Map(TABLE_NAMES.filter((name) => tables.has(name)).map((name) => [name, tables.get(name)!])) };
}

/** The partner declarations' text, their encoding and line ends recorded in the manifest. */
function decodedPartner(bytes: Buffer, file: string, format: 'json' | 'yaml', collector: LoadCollector): string | undefined {
  const decoded = decodeFile(bytes, file, collector);
  if (decoded) collector.describe(file, { format, encoding: decoded.encoding, lineEnds: lineEndsOf(decoded.text) });
  return decoded?.text;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A file's count of errors, or rows, not listed comes after the ones listed.
function compareErrors(a: InputError, b: InputError): number {
  return compareStrings(a.file, b.file) || Number(isOmission(a)) - Number(isOmission(b)) || a.line - b.line || a.column - b.column || compareStrings(a.code, b.code);
}

function compareRows(a: SkippedRow, b: SkippedRow): number {
  return compareStrings(a.file, b.file) || Number(skippedCount(a) !== undefined) - Number(skippedCount(b) !== undefined) || a.line - b.line;
}

/** Renames what the single file `path` reports under its bare name to the path as given. */
function asGiven(path: string): <T extends { file: string }>(item: T) => T {
  const name = basename(path);
  return (item) => (item.file === name && name !== path ? { ...item, file: path } : item);
}

/** Reads a snapshot (folder or JSON file), reporting every input error, sorted; no snapshot on error. */
export async function loadSnapshot(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const collector = new LoadCollector(options);
  const found = await statFollowing(path);
  const kind = 'reason' in found ? 'none' : found.stats.isDirectory() ? 'folder' : found.stats.isFile() ? 'file' : 'none';
  if ('reason' in found) collector.fileError({ file: path, line: 1, column: 1, code: 'unreadable', params: { reason: found.reason } });
  else if (kind === 'none') collector.fileError({ file: path, line: 1, column: 1, code: 'unreadable', params: { reason: 'NOT_REGULAR', kind: kindOf(found.stats) } });
  const reads: TableReads = {};
  const loaded: Loaded =
    kind === 'folder' ? await loadFolder(path, collector, options) : kind === 'file' ? await loadSingleFile(path, collector) : { tables: new Map() };
  if (collector.failed || !loaded.partner) {
    // Nothing will be evaluated: read the streamed tables now, so that their errors come out in the same run.
    for (const table of loaded.tables.values()) {
      if (!table.scan) continue;
      const result = await table.scan(() => undefined, options);
      collector.merge(result);
      addRead(reads, table.file, readOf(result));
    }
  }
  if (loaded.partner) for (const warning of asOfWarnings(loaded.partner, options.asOf)) collector.warning(warning);
  // A single file's errors, warnings and manifest name it as the command line did (`dir/snap.json`);
  // its records keep the bare name, which the reports resolve against the snapshot path.
  const named = kind === 'file' ? asGiven(path) : <T extends { file: string }>(item: T) => item;
  // With --strict a pipeline stops on anything vigie would otherwise only warn about.
  const errors = [...collector.errors, ...(options.strict ? collector.warnings : [])].map(named).sort(compareErrors);
  const skipped = [...collector.skipped].sort(compareRows);
  const warnings = options.strict ? [] : collector.warnings.map(named).sort(compareErrors);
  const inputs = completeManifest([...collector.inputs.values()], reads).map(named).sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.table ?? '', b.table ?? ''));
  if (errors.length > 0 || !loaded.partner) return { errors, skipped, warnings, inputs };
  return { snapshot: { path, partner: loaded.partner, tables: loaded.tables }, errors, skipped, warnings, inputs };
}

/** Scans every streamed table once for `vigie validate`: the errors and skipped rows a check would meet, and what was read of each file. */
export async function checkStreamedTables(
  snapshot: Snapshot,
  options: ScanOptions = {},
): Promise<{ errors: InputError[]; skipped: SkippedRow[]; reads: TableReads }> {
  const collector = new LoadCollector(options);
  const reads: TableReads = {};
  for (const table of snapshot.tables.values()) {
    if (!table.scan) continue;
    const result = await table.scan(() => undefined, options);
    collector.merge(result);
    addRead(reads, table.file, readOf(result));
  }
  return { errors: collector.errors.sort(compareErrors), skipped: collector.skipped.sort(compareRows), reads };
}
