import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LoadCollector } from '../../src/snapshot/load-collector.js';
import { readJsonTableFile } from '../../src/snapshot/read-json-table.js';
import { scanJsonTable } from '../../src/snapshot/scan-json-table.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';
import { getTableModel } from '../../src/snapshot/table-model.js';

interface Reading {
  readonly records: { line: number; values: Record<string, unknown> }[];
  readonly errors: readonly InputError[];
}

const directory = mkdtempSync(join(tmpdir(), 'vigie-json-scan-'));
let written = 0;

/** The bytes as the streamed reader reads them. */
async function scan(text: string | Buffer, options: { lenient?: boolean } = {}): Promise<Reading & { columns: readonly string[]; rows: number }> {
  const path = join(directory, `traces-${written++}.json`);
  writeFileSync(path, text);
  const collector = new LoadCollector(options);
  const records: Reading['records'] = [];
  const result = await scanJsonTable(path, 'traces.json', getTableModel('traces'), collector, (record) => records.push({ line: record.line, values: record.values }));
  return { records, errors: collector.errors, columns: result.columns, rows: result.rows };
}

/** The same bytes as the held reader (yaml) reads them. */
function held(text: string): Reading {
  const collector = new LoadCollector();
  const table = readJsonTableFile(Buffer.from(text), 'traces.json', getTableModel('traces'), collector);
  return { records: table?.records.map((record) => ({ line: record.line, values: record.values })) ?? [], errors: collector.errors };
}

const streamed = suite('snapshot: traces.json streamed, each row at its line, each bad value at its line and column');

const ROWS = `[
  {"at": "2024-01-09T15:41:52+01:00", "user_id": "U003", "action": "login", "origin": "10.0.0.1"},
  {"at": "2024-01-09T15:44:40+01:00", "user_id": "U004", "action": "saisie"}
]
`;

streamed('rows and their lines, the columns of their keys', async () => {
  const read = await scan(ROWS);
  assert.equal(read.errors, []);
  assert.equal(read.records.map((record) => record.line), [2, 3]);
  assert.equal(read.records[0].values.user_id, 'U003');
  assert.equal(read.columns, ['at', 'user_id', 'action', 'origin']);
  assert.equal({ records: read.records, errors: read.errors }, held(ROWS));
});

const SAME_AS_HELD: [string, string][] = [
  ['a value that does not convert, after accented text on its line', '[\n  {"action": "connexion é", "at": "2024-13-01T00:00:00Z", "user_id": "U1"}\n]\n'],
  ['a required value absent', '[\n  {"at": "2024-01-09T15:41:52Z"},\n  {"at": "2024-01-09T15:41:53Z", "user_id": "U2"}\n]\n'],
  ['a value that is not an object', '[\n  {"at": "2024-01-09T15:41:52Z", "user_id": "U1"},\n  "U2",\n  42\n]\n'],
  ['the same column twice', '[\n  {"at": "2024-01-09T15:41:52Z", "user_id": "U1", "identifiant": "U2"}\n]\n'],
  ['a top value that is not an array', '{"at": "2024-01-09T15:41:52Z"}\n'],
  ['a number where a text is expected', '[\n  {"at": "2024-01-09T15:41:52Z", "user_id": 12}\n]\n'],
];

for (const [name, text] of SAME_AS_HELD) {
  streamed(`as the held reader: ${name}`, async () => {
    const read = await scan(text);
    assert.equal({ records: read.records, errors: read.errors }, held(text), JSON.stringify(text));
  });
}

streamed('CR and CRLF line ends count lines as LF does (the held reader, yaml, takes CR for no line end)', async () => {
  for (const end of ['\r', '\r\n']) {
    const read = await scan(`[${end}  {"at": "2024-01-09T15:41:52Z", "user_id": "U1"},${end}  {"at": "bad", "user_id": "U2"}${end}]${end}`);
    assert.equal(read.records.map((record) => record.line), [2]);
    assert.equal(read.errors.map((error) => [error.line, error.column, error.code]), [[3, 10, 'invalid-timestamp']]);
  }
});

streamed('a file on one line (minified): columns count characters', async () => {
  const read = await scan('[{"user_id":"é1","at":"x"},{"user_id":"U2","at":"2024-01-09T15:41:52Z"}]');
  assert.equal(read.errors.map((error) => [error.line, error.column, error.code, error.value]), [[1, 23, 'invalid-timestamp', 'x']]);
  assert.equal(read.records.map((record) => record.line), [1]);
});

streamed('syntax errors are located and stop the reading: a missing comma, a trailing comma, an unclosed array', async () => {
  const missing = await scan('[\n  {"at": "2024-01-09T15:41:52Z", "user_id": "U1"}\n  {"at": "2024-01-09T15:41:53Z", "user_id": "U2"}\n]\n');
  assert.equal(missing.errors, [{ file: 'traces.json', line: 3, column: 3, code: 'yaml-syntax', params: { reason: 'MISSING_CHAR' } }]);
  const trailing = await scan('[\n  {"at": "2024-01-09T15:41:52Z", "user_id": "U1",}\n]\n');
  assert.equal(trailing.errors.map((error) => [error.line, error.code]), [[2, 'yaml-syntax']]);
  const unclosed = await scan('[\n  {"at": "2024-01-09T15:41:52Z", "user_id": "U1"}\n');
  assert.equal(unclosed.errors.map((error) => [error.code, error.params?.reason]), [['yaml-syntax', 'MISSING_CHAR']]);
  const garbage = await scan('[\n  {"at": nope}\n]\n');
  assert.equal(garbage.errors.map((error) => [error.line, error.code, error.params?.reason]), [[2, 'yaml-syntax', 'UNEXPECTED_TOKEN']]);
  const after = await scan('[]\n[]\n');
  assert.equal(after.errors.map((error) => [error.line, error.column, error.code]), [[2, 1, 'yaml-syntax']]);
});

streamed('an empty file is not an array; bytes that are not UTF-8 are an error at their line', async () => {
  assert.equal((await scan('')).errors.map((error) => error.code), ['not-an-array']);
  const latin = await scan(Buffer.concat([Buffer.from('[\n  {"user_id": "U1", "at": "2024-01-09T15:41:52Z"},\n  {"user_id": "'), Buffer.from([0xe9]), Buffer.from('"}\n]\n')]));
  assert.equal(latin.errors.map((error) => [error.line, error.column, error.code]), [[3, 16, 'json-not-utf8']]);
});

streamed('lenient: bad rows skipped at their lines, the good ones read', async () => {
  const read = await scan('[\n  {"at": "x", "user_id": "U1"},\n  {"at": "2024-01-09T15:41:52Z", "user_id": "U2"}\n]\n', { lenient: true });
  assert.equal(read.records.map((record) => record.line), [3]);
  assert.equal(read.rows, 2);
});

streamed('rows across read chunks (1 MiB) keep their lines', async () => {
  const row = '  {"at": "2024-01-09T15:41:52Z", "user_id": "U1", "action": "login"}';
  const count = 30_000;
  const text = `[\n${Array.from({ length: count }, () => row).join(',\n')},\n  {"at": "bad", "user_id": "U2"}\n]\n`;
  assert.ok(text.length > 2 * (1 << 20));
  const read = await scan(text);
  assert.is(read.records.length, count);
  assert.is(read.records[count - 1].line, count + 1);
  assert.equal(read.errors.map((error) => [error.line, error.column]), [[count + 2, 10]]);
});

streamed.after(() => rmSync(directory, { recursive: true, force: true }));

streamed.run();
