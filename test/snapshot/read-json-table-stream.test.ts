import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LoadCollector } from '../../src/snapshot/load-collector.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { HELD_JSON_STREAM_BYTES, readJsonTableFile, readJsonTableStream } from '../../src/snapshot/read-json-table.js';
import { getTableModel } from '../../src/snapshot/table-model.js';

const directory = mkdtempSync(join(tmpdir(), 'vigie-json-held-'));
let written = 0;

/** The same bytes read by the held readers: yaml's document, and the stream of rows for large files. */
async function readBoth(table: string, text: string) {
  const path = join(directory, `${table}-${written++}.json`);
  writeFileSync(path, text);
  const model = getTableModel(table);
  const viaYaml = new LoadCollector();
  const document = readJsonTableFile(Buffer.from(text), `${table}.json`, model, viaYaml);
  const viaStream = new LoadCollector();
  const streamed = await readJsonTableStream(path, `${table}.json`, model, viaStream);
  const shape = (found: typeof document, collector: LoadCollector) => ({ records: found?.records, columns: found?.columns, errors: collector.errors });
  return { document: shape(document, viaYaml), streamed: shape(streamed, viaStream) };
}

const held = suite('snapshot: a large held JSON table read as its bytes stream in, as yaml reads it');

const CASES: [string, string, string][] = [
  ['rows and their columns', 'habilitations', '[\n  {"user_id": "U1", "profile": "D1", "granted_on": "2024-01-02"},\n  {"user_id": "U2", "profile": "D2", "granted_on": "2024-01-03", "revoked_on": "2024-02-01"}\n]\n'],
  ['a duplicate id names its first line', 'users', '[\n  {"user_id": "U1", "name": "A"},\n  {"user_id": "U1", "name": "B"}\n]\n'],
  ['values that do not convert, an absent required value', 'habilitations', '[\n  {"user_id": "U1", "profile": "Grand Manitou", "granted_on": "31/02/2024"},\n  {"profile": "D1", "granted_on": "2024-01-02"}\n]\n'],
  ['an item that is not an object', 'users', '[\n  {"user_id": "U1", "name": "A"},\n  "U2"\n]\n'],
  ['not an array', 'users', '{"user_id": "U1"}\n'],
];

for (const [name, table, text] of CASES) {
  held(name, async () => {
    const { document, streamed } = await readBoth(table, text);
    assert.equal(streamed, document);
  });
}

held('a snapshot whose habilitations.json is past the bound loads it whole, in bounded memory', async () => {
  const snapshot = join(directory, 'snap');
  cpSync(fileURLToPath(new URL('../../samples/exemple-conforme', import.meta.url)), snapshot, { recursive: true });
  const [header, ...lines] = readFileSync(join(snapshot, 'habilitations.csv'), 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const names = header.split(',');
  const rows = lines.map((line) => JSON.stringify(Object.fromEntries(line.split(',').map((cell, index) => [names[index], cell]).filter(([, cell]) => cell !== ''))));
  // The sample's rows, then blank padding lines: the file is past the bound, the rows unchanged.
  const text = `[\n  ${rows.join(',\n  ')}\n]\n${' '.repeat(80)}\n`.padEnd(HELD_JSON_STREAM_BYTES + 1, ' ');
  unlinkSync(join(snapshot, 'habilitations.csv'));
  writeFileSync(join(snapshot, 'habilitations.json'), text);
  const loaded = await loadSnapshot(snapshot);
  assert.equal(loaded.errors, []);
  const table = loaded.snapshot!.tables.get('habilitations')!;
  assert.is(table.records.length, rows.length);
  assert.equal(table.records.map((record) => record.line), rows.map((_, index) => index + 2));
});

held.after(() => rmSync(directory, { recursive: true, force: true }));

held.run();
