import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkStreamedTables, listTableNames, loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { LoadResult, Snapshot } from '../../src/snapshot/snapshot-types.js';

const fixtures = new URL('../fixtures/snapshots/', import.meta.url).pathname;

/** Loads with every table held in memory, so that tests can compare records. */
async function loadOk(path: string): Promise<Snapshot> {
  const result = await loadSnapshot(path, { stream: false });
  assert.equal(result.errors, [], `no error in ${path}`);
  assert.ok(result.snapshot);
  return result.snapshot!;
}

function valuesOf(snapshot: Snapshot, table: string) {
  return snapshot.tables.get(table)?.records.map((record) => record.values);
}

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'vigie-snapshot-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

const PARTNER = 'partner:\n  name: Test\n';

const equivalence = suite('loadSnapshot: the same data written differently');

equivalence('streamed traces give the rows a held table gives, with their lines', async () => {
  for (const name of ['canonical', 'human']) {
    const held = (await loadOk(join(fixtures, name))).tables.get('traces')!.records;
    const streamed = (await loadSnapshot(join(fixtures, name))).snapshot!.tables.get('traces')!;
    assert.equal(streamed.records, []);
    const rows: unknown[] = [];
    const result = await streamed.scan!((record) => rows.push([record.line, record.values]));
    assert.equal(result.errors, []);
    assert.equal(rows, held.map((record) => [record.line, record.values]), name);
  }
});

equivalence('people\'s exports (French headers, ;, cp1252, DD/MM/YYYY, labels, oui/non) read like canonical ones', async () => {
  for (const file of ['users.csv', 'habilitations.csv', 'incidents.csv']) {
    assert.not.ok(isUtf8(readFileSync(join(fixtures, 'human', file))), `${file} is Windows-1252, not UTF-8`);
  }
  const canonical = await loadOk(join(fixtures, 'canonical'));
  const human = await loadOk(join(fixtures, 'human'));
  assert.equal([...human.tables.keys()], [...canonical.tables.keys()]);
  for (const name of canonical.tables.keys()) assert.equal(valuesOf(human, name), valuesOf(canonical, name), name);
  assert.equal(human.partner.data, canonical.partner.data);
});

equivalence('JSON tables and partner.json read like CSV and partner.yaml', async () => {
  const canonical = await loadOk(join(fixtures, 'canonical'));
  const json = await loadOk(join(fixtures, 'json-tables'));
  assert.equal([...json.tables.keys()], ['users', 'habilitations', 'traces']);
  for (const name of json.tables.keys()) assert.equal(valuesOf(json, name), valuesOf(canonical, name), name);
  assert.equal(json.partner.data, canonical.partner.data);
  assert.is(json.partner.file, 'partner.json');
});

equivalence.run();

const folders = suite('loadSnapshot: folders and files');

folders('records keep their file and line; columns list what the file has', async () => {
  const snapshot = await loadOk(join(fixtures, 'json-tables'));
  const users = snapshot.tables.get('users')!;
  assert.equal(users.records.map((record) => [record.file, record.line]), [['users.json', 2], ['users.json', 4], ['users.json', 6], ['users.json', 7]]);
  assert.equal(users.columns, ['user_id', 'last_name', 'first_name', 'email', 'function', 'employer', 'kind', 'left_on', 'change_reported_on', 'function_changed_on']);
  assert.equal(snapshot.tables.get('traces')!.records.map((record) => record.values.at), [
    Date.UTC(2024, 0, 15, 13, 5), Date.UTC(2024, 5, 1, 8), Date.UTC(2024, 6, 14, 6, 30, 15),
  ]);
});

folders('a single JSON file holds the partner keys and the tables', async () => {
  const snapshot = await loadOk(join(fixtures, 'single-file.json'));
  assert.equal([...snapshot.tables.keys()], ['users', 'sites', 'habilitations']);
  assert.equal(snapshot.tables.get('sites')!.records, []);
  assert.equal(Object.keys(snapshot.partner.data), ['extracted_on', 'partner', 'convention']);
  assert.is(snapshot.partner.file, 'single-file.json');
  assert.equal(valuesOf(snapshot, 'users'), [{ user_id: 'U001', last_name: 'DUPONT', kind: 'person' }, { user_id: 'T001', kind: 'technical' }]);
  assert.equal(valuesOf(snapshot, 'habilitations'), [
    { user_id: 'U001', profile: 'D3', scope_level: 'facility', scope_id: 'E1', granted_on: '2023-06-01', service: 'AFAS' },
  ]);
  assert.equal(snapshot.tables.get('habilitations')!.records[0].line, 10);
  assert.equal(snapshot.partner.locate(['convention', 'signed_on']), { line: 4, column: 19 });
});

folders('only the partner declarations are required; unknown files are ignored', async () => {
  const snapshot = await loadOk(folderWith({ 'partner.yaml': PARTNER, 'notes.csv': 'a,b\n1\n', 'users.txt': 'x' }));
  assert.equal(snapshot.tables.size, 0);
  assert.equal(snapshot.partner.data, { partner: { name: 'Test' } });
});

folders('table file names are matched whatever their case', async () => {
  const snapshot = await loadOk(folderWith({ 'Partner.YAML': PARTNER, 'Users.CSV': 'user_id\nU1\n' }));
  assert.equal(valuesOf(snapshot, 'users'), [{ user_id: 'U1', kind: 'person' }]);
  assert.is(snapshot.tables.get('users')!.file, 'Users.CSV');
});

folders('a path that does not exist is unreadable', async () => {
  const result = await loadSnapshot(join(fixtures, 'no-such-snapshot'));
  assert.equal(result.errors.map((error) => [error.code, error.params?.reason]), [['unreadable', 'ENOENT']]);
  assert.is(result.snapshot, undefined);
});

folders('listTableNames gives the tables of the snapshot format', () => {
  assert.equal(listTableNames(), [
    'users', 'sites', 'facilities', 'habilitations', 'incidents', 'reviews', 'meetings', 'notices', 'subcontractors', 'traces',
  ]);
});

folders.run();

const partner = suite('loadSnapshot: partner declarations');

partner('locate points at the key of a path, undefined when it is not written', async () => {
  const { partner: document } = await loadOk(join(fixtures, 'canonical'));
  assert.equal(document.locate(['convention', 'signed_on']), { line: 11, column: 3 });
  assert.equal(document.locate(['contacts', 1]), { line: 31, column: 5 });
  assert.equal(document.locate(['contacts', 1, 'role']), { line: 31, column: 5 });
  assert.equal(document.locate(['partner']), { line: 2, column: 1 });
  assert.is(document.locate(['convention', 'missing']), undefined);
  assert.is(document.locate(['contacts', 9]), undefined);
});

partner('null stays null, numbers written for text keep their digits, unknown keys are kept', async () => {
  const yaml = 'partner:\n  name: X\n  siret: 01234567800017\n  extra: {a: 1}\nconvention:\n  terminated_on: null\n  signed_on: ~\ncontacts: null\ncustom: [1, 2]\n';
  const snapshot = await loadOk(folderWith({ 'partner.yaml': yaml }));
  assert.equal(snapshot.partner.data, {
    partner: { name: 'X', siret: '01234567800017', extra: { a: 1 } },
    convention: { terminated_on: null, signed_on: null },
    contacts: null,
    custom: [1, 2],
  });
});

partner('anchors and aliases are read as what they name, checked like values written there', async () => {
  const yaml = 'extracted_on: &day 2024-06-30\npartner:\n  name: &name Commune de Test\nconvention:\n  signed_on: *day\nsubscriptions:\n  - &afas { service: AFAS, signed_on: 10/05/2023, max_users: 50 }\n  - *afas\nnotes: [*name, *afas]\n';
  const snapshot = await loadOk(folderWith({ 'partner.yaml': yaml }));
  const afas = { service: 'AFAS', signed_on: '2023-05-10', max_users: 50 };
  assert.equal(snapshot.partner.data.convention, { signed_on: '2024-06-30' });
  assert.equal(snapshot.partner.data.subscriptions, [afas, afas]);
  assert.equal(snapshot.partner.data.notes, ['Commune de Test', { service: 'AFAS', signed_on: '10/05/2023', max_users: 50 }]);
  // A bad value reached through an alias is reported with the value, where it is written.
  const bad = await loadSnapshot(folderWith({ 'partner.yaml': 'partner:\n  name: X\nlimits: &n .inf\nsubscriptions:\n  - max_users: *n\n' }));
  assert.equal(bad.errors.map((error) => [error.code, error.line, error.column, error.value, error.params?.key]), [['invalid-integer', 3, 12, '.inf', 'subscriptions.0.max_users']]);
});

partner('a partner.yaml with CR line ends (old Mac) reads as with LF, errors at their lines', async () => {
  const yaml = 'partner:\r  name: X\rconvention:\r  signed_on: 31/02/2023\r';
  const result = await loadSnapshot(folderWith({ 'partner.yaml': yaml }));
  assert.equal(result.errors.map((error) => [error.code, error.line, error.column, error.value]), [['invalid-date', 4, 14, '31/02/2023']]);
  const good = await loadOk(folderWith({ 'partner.yaml': 'partner:\r  name: X\rconvention:\r  signed_on: 2023-02-28\r' }));
  assert.equal(good.partner.data, { partner: { name: 'X' }, convention: { signed_on: '2023-02-28' } });
});

partner('bad partner values are errors even when lenient', async () => {
  const yaml = 'partner:\n  siret: [123]\nconvention:\n  signed_on: 31/02/2023\ncontacts:\n  - role: chef\namendments: oui\n';
  const result = await loadSnapshot(folderWith({ 'partner.yaml': yaml }), { lenient: true });
  assert.equal(
    result.errors.map((error) => [error.code, error.line, error.column, error.value, error.params?.key]),
    [
      ['required', 1, 1, undefined, 'partner.name'],
      ['schema', 2, 10, '[123]', 'partner.siret'],
      ['invalid-date', 4, 14, '31/02/2023', 'convention.signed_on'],
      ['unknown-value', 6, 11, 'chef', 'contacts.0.role'],
      ['schema', 7, 13, 'oui', 'amendments'],
    ],
  );
  assert.is(result.snapshot, undefined);
});

partner.run();

const lenient = suite('loadSnapshot: lenient mode and progress');

const BAD_ROWS = {
  'partner.yaml': PARTNER,
  'users.csv': 'user_id,left_on\nU1,\nU2,31/02/2024\nU1,\nU3,2024-01-01\n',
  'habilitations.csv': 'user_id;profile;scope_level;scope_id;granted_on\nU1;D7;site;S1;2024-01-01\nU3;D1;site;S1;2024-01-01\nU4;D1\n',
};

lenient('bad rows are skipped and listed, good rows kept', async () => {
  const result = await loadSnapshot(folderWith(BAD_ROWS), { lenient: true });
  assert.equal(result.errors, []);
  assert.equal(result.skipped.map((row) => [row.file, row.line, row.errors.map((error) => error.code)]), [
    ['habilitations.csv', 2, ['unknown-value']],
    ['habilitations.csv', 4, ['field-count']],
    ['users.csv', 3, ['invalid-date']],
    ['users.csv', 4, ['duplicate-key']],
  ]);
  assert.equal(valuesOf(result.snapshot!, 'users')?.map((values) => values.user_id), ['U1', 'U3']);
  assert.equal(result.snapshot!.tables.get('habilitations')!.records.map((record) => record.line), [3]);
});

lenient('without lenient the same rows are errors and there is no snapshot', async () => {
  const result: LoadResult = await loadSnapshot(folderWith(BAD_ROWS));
  assert.equal(result.errors.map((error) => `${error.file}:${error.line}:${error.column}:${error.code}`), [
    'habilitations.csv:2:2:unknown-value',
    'habilitations.csv:4:3:field-count',
    'users.csv:3:2:invalid-date',
    'users.csv:4:1:duplicate-key',
  ]);
  assert.equal(result.skipped, []);
  assert.is(result.snapshot, undefined);
});

lenient('file errors still fail a lenient load', async () => {
  const result = await loadSnapshot(folderWith({ 'partner.yaml': PARTNER, 'users.csv': 'nom\nX\n' }), { lenient: true });
  assert.equal(result.errors.map((error) => error.code), ['missing-column']);
  assert.is(result.snapshot, undefined);
});

lenient('a streamed row reports every bad value at once: a conversion that fails and a required value left empty', async () => {
  const folder = folderWith({
    'partner.yaml': PARTNER,
    'traces.csv': 'at;user_id;action;origin\n2024-02-30T10:00;;consultation;  10.0.0.1 \n2024-03-01T10:00; U1 ;consultation;\n',
  });
  const loaded = await loadSnapshot(folder);
  const checked = await checkStreamedTables(loaded.snapshot!);
  assert.equal(checked.errors.map((error) => `${error.line}:${error.column}:${error.code}:${error.value ?? ''}`), [
    '2:1:invalid-timestamp:2024-02-30T10:00',
    '2:2:required:',
  ]);
  const rows: Record<string, unknown>[] = [];
  await loaded.snapshot!.tables.get('traces')!.scan!((record) => rows.push(record.values), { lenient: true });
  assert.equal(rows, [{ at: Date.UTC(2024, 2, 1, 9), user_id: 'U1', action: 'consultation' }]);
});

lenient('a quoted cell that straddles the first chunk of a streamed file is not an error', async () => {
  const rows: string[] = [];
  let size = 'at,user_id,action\n'.length;
  // Rows up to just before the 1 MiB chunk boundary, then one whose quoted cell crosses it.
  while (size < (1 << 20) - 200) {
    const row = `2024-01-01T10:00:00Z,U${rows.length},consultation`;
    rows.push(row);
    size += row.length + 1;
  }
  rows.push(`2024-01-01T10:00:00Z,U-last,"une action\nsur deux lignes qui passe la limite du premier bloc ${'x'.repeat(300)}"`);
  const folder = folderWith({ 'partner.yaml': PARTNER, 'traces.csv': `at,user_id,action\n${rows.join('\n')}\n` });
  const result = await loadSnapshot(folder);
  assert.equal(result.errors, []);
  const seen: string[] = [];
  const scan = await result.snapshot!.tables.get('traces')!.scan!((record) => seen.push(String(record.values.user_id)));
  assert.equal(scan.errors, []);
  assert.is(seen.length, rows.length);
  assert.is(seen[seen.length - 1], 'U-last');
});

lenient('progress is reported every 10,000 rows and at the end of each file', async () => {
  const rows = Array.from({ length: 25_000 }, (_, index) => `2024-01-01T10:00:00Z,U${index}`);
  const folder = folderWith({ 'partner.yaml': PARTNER, 'traces.csv': `at,user_id\n${rows.join('\n')}\n`, 'sites.json': '[{"site_id": "S1"}]' });
  const events: unknown[] = [];
  const result = await loadSnapshot(folder, { onProgress: (event) => events.push(event) });
  assert.equal(result.errors, []);
  // The traces are streamed: their progress comes when they are read, after the other files.
  await checkStreamedTables(result.snapshot!, { onProgress: (event) => events.push(event) });
  assert.equal(events, [
    { file: 'partner.yaml', rows: 0, done: true },
    { file: 'sites.json', rows: 1, done: true },
    { file: 'traces.csv', rows: 10_000, done: false },
    { file: 'traces.csv', rows: 20_000, done: false },
    { file: 'traces.csv', rows: 25_000, done: true },
  ]);
});

lenient.run();
