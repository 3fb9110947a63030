import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkStreamedTables, loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { InputManifestEntry } from '../../src/snapshot/snapshot-types.js';
import { completeManifest } from '../../src/snapshot/table-read.js';

const fixtures = new URL('../fixtures/snapshots/', import.meta.url).pathname;

function entry(inputs: readonly InputManifestEntry[], file: string, table?: string): InputManifestEntry {
  const found = inputs.find((candidate) => candidate.file === file && candidate.table === table);
  assert.ok(found, `${file} ${table ?? ''} in ${JSON.stringify(inputs.map((input) => [input.file, input.table]))}`);
  return found!;
}

/** Entry without its columns, to compare the rest in one assertion. */
function withoutColumns({ columns: _columns, ...rest }: InputManifestEntry): Omit<InputManifestEntry, 'columns'> {
  return rest;
}

const manifest = suite('the input manifest: how each file was read');

manifest('held CSV tables: encoding as chosen, delimiter, line ends, rows, every header as written with its column or none', async () => {
  const loaded = await loadSnapshot(join(fixtures, 'human'));
  assert.equal(loaded.errors, []);
  const users = entry(loaded.inputs, 'users.csv', 'users');
  assert.equal(withoutColumns(users), { file: 'users.csv', table: 'users', format: 'csv', encoding: 'windows-1252', delimiter: ';', lineEnds: 'crlf', streamed: false, rows: 4, skipped: 0 });
  assert.equal(users.columns?.[0], { header: 'IDENTIFIANT', position: 1, column: 'user_id' });
  assert.equal(users.columns?.[2], { header: 'Prénom', position: 3, column: 'first_name' });
  // A column vigie does not read is listed, without a canonical name.
  assert.equal(users.columns?.at(-1), { header: 'Commentaire', position: 11 });
  assert.is(entry(loaded.inputs, 'sites.csv', 'sites').encoding, 'utf-8-bom');
  assert.is(entry(loaded.inputs, 'facilities.csv', 'facilities').lineEnds, 'lf');
  assert.equal(withoutColumns(entry(loaded.inputs, 'partner.yaml')), { file: 'partner.yaml', format: 'yaml', encoding: 'utf-8', lineEnds: 'lf', streamed: false, rows: 0, skipped: 0 });
  // In file order, the same on every run.
  assert.equal(
    loaded.inputs.map((input) => input.file),
    ['facilities.csv', 'habilitations.csv', 'incidents.csv', 'partner.yaml', 'sites.csv', 'subcontractors.csv', 'traces.csv', 'users.csv'],
  );
});

manifest('streamed traces: the header is read at load, the rows, line ends and the whole file\'s encoding by the scan', async () => {
  const loaded = await loadSnapshot(join(fixtures, 'human'));
  const before = entry(loaded.inputs, 'traces.csv', 'traces');
  assert.equal(withoutColumns(before), { file: 'traces.csv', table: 'traces', format: 'csv', encoding: 'windows-1252', delimiter: ';', streamed: true, rows: 0, skipped: 0 });
  assert.equal(before.columns?.[0], { header: 'Horodatage', position: 1, column: 'at' });
  const { reads } = await checkStreamedTables(loaded.snapshot!);
  const after = entry(completeManifest(loaded.inputs, reads), 'traces.csv', 'traces');
  assert.equal(withoutColumns(after), { ...withoutColumns(before), lineEnds: 'crlf', rows: 3 });
});

manifest('JSON tables and a single-file snapshot: one entry per table, the keys met as columns', async () => {
  const tables = await loadSnapshot(join(fixtures, 'json-tables'));
  const users = entry(tables.inputs, 'users.json', 'users');
  assert.equal(withoutColumns(users), { file: 'users.json', table: 'users', format: 'json', encoding: 'utf-8', lineEnds: 'lf', streamed: false, rows: 4, skipped: 0 });
  assert.ok(users.columns?.some((column) => column.header === 'Prénom' && column.column === 'first_name'));
  assert.ok(users.columns?.some((column) => column.header === 'comment' && column.column === undefined));
  assert.is(entry(tables.inputs, 'partner.json').format, 'json');
  // A single file is named as the command line gave it, as its errors are.
  const given = join(fixtures, 'single-file.json');
  const single = await loadSnapshot(given);
  assert.equal(
    single.inputs.map((input) => [input.file, input.table, input.rows]),
    [
      [given, undefined, 0],
      [given, 'habilitations', 1],
      [given, 'sites', 0],
      [given, 'users', 2],
    ],
  );
  assert.is(entry(single.inputs, given, 'users').encoding, 'utf-8');
});

manifest('--lenient: a rejected row is read and skipped, held or streamed', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'vigie-manifest-'));
  try {
    writeFileSync(join(folder, 'partner.yaml'), 'partner:\n  name: Test\n');
    writeFileSync(join(folder, 'users.csv'), 'user_id,left_on,note\nU1,,\nU2,31/02/2024,\nU3,,\n');
    writeFileSync(join(folder, 'traces.csv'), 'at,user_id,action\n2024-01-02T10:00:00Z,U1,login\npas une date,U2,login\n');
    const loaded = await loadSnapshot(folder, { lenient: true });
    assert.equal(loaded.errors, []);
    const users = entry(loaded.inputs, 'users.csv', 'users');
    assert.equal([users.rows, users.skipped, users.delimiter, users.lineEnds], [3, 1, ',', 'lf']);
    assert.equal(users.columns?.[2], { header: 'note', position: 3 });
    const { reads } = await checkStreamedTables(loaded.snapshot!, { lenient: true });
    const traces = entry(completeManifest(loaded.inputs, reads), 'traces.csv', 'traces');
    assert.equal([traces.rows, traces.skipped], [2, 1]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

manifest.run();
