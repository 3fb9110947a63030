import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { decodeText } from './decode-text.js';
import { isOmission, skippedCount } from './error-cap.js';
import { LoadCollector } from './load-collector.js';
import { parseYamlText } from './parse-yaml-text.js';
import { readCsvTable } from './read-csv.js';
import { HELD_JSON_STREAM_BYTES, readJsonTable, readJsonTableFile, readJsonTableStream } from './read-json-table.js';
import { readPartner } from './read-partner.js';
import { scanJsonTable } from './scan-json-table.js';
import { reportYamlErrors } from './report-yaml-errors.js';
import { listSnapshotFiles } from './snapshot-files.js';
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
  const scan = async (visit: (record: DataRecord) => void, options: ScanOptions = {}): Promise<ScanResult> => {
    const scanCollector = new LoadCollector(options);
    const scanned = await scanCsvTable(path, file, model, scanCollector, visit, options.range);
    return { ...scanned, errors: scanCollector.errors, skipped: scanCollector.skipped };
  };
  return { name: model.name, file, columns: header.columns.map((column) => column.model.name), records: [], scan };
}

/** How many bytes of a streamed JSON table the load reads for its columns (the keys of its first rows). */
const JSON_COLUMNS_PREFIX = 1 << 20;

/** A JSON table streamed by `scan` (traces.json); its columns are the keys of the rows in its first MiB. */
async function streamedJsonTable(path: string, file: string, model: TableModel): Promise<Table> {
  // The prefix's errors are the scan's to report, with the rest of the file's.
  const prefix = await scanJsonTable(path, file, model, new LoadCollector(), () => undefined, JSON_COLUMNS_PREFIX);
  const scan = async (visit: (record: DataRecord) => void, options: ScanOptions = {}): Promise<ScanResult> => {
    const scanCollector = new LoadCollector(options);
    const scanned = await scanJsonTable(path, file, model, scanCollector, visit);
    return { rows: scanned.rows, errors: scanCollector.errors, skipped: scanCollector.skipped };
  };
  return { name: model.name, file, columns: prefix.columns, records: [], scan };
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

async function readBytes(path: string, file: string, collector: LoadCollector): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    collector.fileError({ file, line: 1, column: 1, code: 'unreadable', params: { reason: reasonOf(error) } });
    return undefined;
  }
}

async function loadFolder(folder: string, collector: LoadCollector, options: LoadOptions): Promise<Loaded> {
  const stream = options.stream ?? true;
  const tables = new Map<string, Table>();
  const files = await listSnapshotFiles(folder).catch((error: unknown) => {
    collector.fileError({ file: folder, line: 1, column: 1, code: 'unreadable', params: { reason: reasonOf(error) } });
    return undefined;
  });
  if (!files) return { tables };
  let partner: PartnerDocument | undefined;
  if (files.partner.length === 0) {
    collector.fileError({ file: 'partner.yaml', line: 1, column: 1, code: 'missing-partner' });
  } else if (files.partner.length > 1) {
    collector.fileError({ file: files.partner[1], line: 1, column: 1, code: 'conflicting-files', params: { files: files.partner.join(', ') } });
  } else {
    const file = files.partner[0];
    const bytes = await readBytes(join(folder, file), file, collector);
    const source = bytes && parseYamlText(decodeText(bytes).text);
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
      tables.set(name, await streamedJsonTable(join(folder, file), file, model));
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
  const source = bytes && parseYamlText(decodeText(bytes).text);
  if (!source || !reportYamlErrors(source, file, collector)) return { tables };
  const contents = source.document.contents;
  const tableKeys = new Set<string>();
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined || !TABLE_NAMES.includes(name)) continue;
      tableKeys.add(name);
      const table = readJsonTable(pair.value, source, file, getTableModel(name), collector);
      if (table) tables.set(name, table);
    }
  }
  const partner = readPartner(source, file, collector, tableKeys);
  return { partner, tables: new Map(TABLE_NAMES.filter((name) => tables.has(name)).map((name) => [name, tables.get(name)!])) };
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

/** Reads a snapshot (folder or JSON file), reporting every input error, sorted; no snapshot on error. */
export async function loadSnapshot(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const collector = new LoadCollector(options);
  const kind = await stat(path).then(
    (stats) => (stats.isDirectory() ? 'folder' : 'file'),
    (error: unknown) => {
      collector.fileError({ file: path, line: 1, column: 1, code: 'unreadable', params: { reason: reasonOf(error) } });
      return 'none';
    },
  );
  const loaded: Loaded =
    kind === 'folder' ? await loadFolder(path, collector, options) : kind === 'file' ? await loadSingleFile(path, collector) : { tables: new Map() };
  if (collector.failed || !loaded.partner) {
    // Nothing will be evaluated: read the streamed tables now, so that their errors come out in the same run.
    for (const table of loaded.tables.values()) {
      if (!table.scan) continue;
      const result = await table.scan(() => undefined, options);
      collector.merge(result);
    }
  }
  const errors = [...collector.errors].sort(compareErrors);
  const skipped = [...collector.skipped].sort(compareRows);
  const warnings = [...collector.warnings].sort(compareErrors);
  const inputs = [...collector.inputs.values()].sort((a, b) => compareStrings(a.file, b.file));
  if (errors.length > 0 || !loaded.partner) return { errors, skipped, warnings, inputs };
  return { snapshot: { path, partner: loaded.partner, tables: loaded.tables }, errors, skipped, warnings, inputs };
}

/** Scans every streamed table once for `vigie validate`: the errors and skipped rows a check would meet. */
export async function checkStreamedTables(snapshot: Snapshot, options: ScanOptions = {}): Promise<{ errors: InputError[]; skipped: SkippedRow[] }> {
  const collector = new LoadCollector(options);
  for (const table of snapshot.tables.values()) {
    if (!table.scan) continue;
    collector.merge(await table.scan(() => undefined, options));
  }
  return { errors: collector.errors.sort(compareErrors), skipped: collector.skipped.sort(compareRows) };
}
