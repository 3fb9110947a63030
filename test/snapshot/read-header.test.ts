import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { closestName } from '../../src/snapshot/closest-name.js';
import { formatInputError } from '../../src/snapshot/input-error-messages.js';
import { LoadCollector } from '../../src/snapshot/load-collector.js';
import { checkStreamedTables, loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { readCsvTable } from '../../src/snapshot/read-csv.js';
import { mergePartErrors } from '../../src/snapshot/read-header.js';
import { readJsonTableFile } from '../../src/snapshot/read-json-table.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';
import { getTableModel, withoutSuffix } from '../../src/snapshot/table-model.js';

function read(table: string, content: string) {
  const collector = new LoadCollector();
  const result = readCsvTable(Buffer.from(content, 'utf8'), `${table}.csv`, getTableModel(table), collector);
  return { table: result, errors: collector.errors, warnings: collector.warnings };
}

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'vigie-header-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

const PARTNER = 'partner:\n  name: Test\n';

const names = suite('closest known name');

names('a few edits, one name inside the other, or a shared start', () => {
  const candidates = ['phone', 'email', 'duration', 'signed_on', 'Date de départ', 'Date de signalement'].map((name) => ({ name, target: name }));
  assert.is(closestName('Date depart', candidates)?.name, 'Date de départ');
  assert.is(closestName('telephone', candidates)?.name, 'phone');
  assert.is(closestName('duree', candidates)?.name, 'duration');
  assert.is(closestName('E-mail', candidates)?.name, 'email');
});

names('nothing when nothing is close', () => {
  const candidates = ['phone', 'email', 'duration'].map((name) => ({ name, target: name }));
  assert.is(closestName('Commentaire', candidates), undefined);
  assert.is(closestName('x', candidates), undefined);
  assert.is(closestName('', candidates), undefined);
});

names.run();

const suffixes = suite('headers with a unit or a format');

suffixes('a parenthesised or bracketed suffix matches its column', () => {
  const users = getTableModel('users');
  assert.is(users.resolveHeader('Date de départ (jj/mm/aaaa)'), 'left_on');
  assert.is(users.resolveHeader('Date de départ [JJ/MM/AAAA]'), 'left_on');
  assert.is(users.resolveHeader('Type de compte (code) [texte]'), 'kind');
  assert.is(getTableModel('habilitations').resolveHeader('Profil (D1 à D4)'), 'profile');
  assert.is(withoutSuffix('(nb)'), '(nb)');
});

suffixes('a suffixed header reads its column, and errors name it as written', () => {
  const result = read('users', 'Identifiant;Date de départ (jj/mm/aaaa)\nU1;31/02/2024\nU2;01/03/2024\n');
  assert.equal(result.table?.columns, ['user_id', 'left_on']);
  assert.equal(result.warnings, []);
  assert.equal(result.errors, [
    { file: 'users.csv', line: 2, column: 2, code: 'invalid-date', value: '31/02/2024', params: { column: 'left_on', header: 'Date de départ (jj/mm/aaaa)' } },
  ]);
  assert.is(formatInputError(result.errors[0]), 'date impossible dans la colonne « Date de départ (jj/mm/aaaa) » (left_on) : attendu AAAA-MM-JJ ou JJ/MM/AAAA');
});

suffixes.run();

const unknown = suite('unknown headers');

unknown('a misspelt header is a warning at its cell with the closest known name', () => {
  const result = read('users', 'Identifiant;Nom;Date depart;Commentaire\nU1;Dupont;2024-01-01;x\n');
  assert.equal(result.errors, []);
  assert.equal(result.warnings, [
    { file: 'users.csv', line: 1, column: 3, code: 'unknown-column', value: 'Date depart', params: { header: 'Date depart', suggestion: 'Date de départ', near: 'left_on' } },
    { file: 'users.csv', line: 1, column: 4, code: 'unknown-column', value: 'Commentaire', params: { header: 'Commentaire' } },
  ]);
  assert.is(formatInputError(result.warnings[0]), 'colonne « Date depart » inconnue : vouliez-vous dire « Date de départ » ?');
  assert.equal(result.table?.ignored?.map((ignored) => [ignored.header, ignored.column, ignored.near?.column]), [['Date depart', 3, 'left_on'], ['Commentaire', 4, undefined]]);
});

unknown('a column already in the header is not suggested', () => {
  const result = read('users', 'Identifiant;Date de départ;Date depart\nU1;2024-01-01;x\n');
  assert.equal(result.warnings.map((warning) => warning.params?.suggestion), [undefined]);
});

unknown('the header of a streamed table is checked at load', async () => {
  const folder = folderWith({ 'partner.yaml': PARTNER, 'traces.csv': 'Date et heure;Identifiant;Action;Code equipment\n2024-01-02T10:00;U1;Connexion;F1\n' });
  const loaded = await loadSnapshot(folder);
  assert.equal(loaded.errors, []);
  assert.equal(loaded.warnings, [
    { file: 'traces.csv', line: 1, column: 4, code: 'unknown-column', value: 'Code equipment', params: { header: 'Code equipment', suggestion: 'Code équipement', near: 'facility_id' } },
  ]);
  assert.equal(loaded.snapshot?.tables.get('traces')?.ignored?.map((ignored) => ignored.near?.column), ['facility_id']);
});

unknown('an unknown key of JSON rows is said once, where it is first written', () => {
  const collector = new LoadCollector();
  const json = '[\n  {"user_id": "U1", "telephone": "01"},\n  {"user_id": "U2", "telephone": "02", "date depart": "2024-01-01"}\n]\n';
  const table = readJsonTableFile(Buffer.from(json), 'users.json', getTableModel('users'), collector);
  assert.equal(collector.errors, []);
  assert.equal(collector.warnings, [
    { file: 'users.json', line: 2, column: 21, code: 'unknown-column', value: 'telephone', params: { header: 'telephone' } },
    { file: 'users.json', line: 3, column: 40, code: 'unknown-column', value: 'date depart', params: { header: 'date depart', suggestion: 'Date de départ', near: 'left_on' } },
  ]);
  assert.equal(table?.ignored?.length, 2);
});

unknown('--strict makes the warnings errors', async () => {
  const folder = folderWith({ 'partner.yaml': PARTNER, 'users.csv': 'Identifiant;Date depart\nU1;2024-01-01\n' });
  const lax = await loadSnapshot(folder);
  assert.ok(lax.snapshot);
  assert.equal(lax.warnings.map((warning) => warning.code), ['unknown-column']);
  const strict = await loadSnapshot(folder, { strict: true });
  assert.is(strict.snapshot, undefined);
  assert.equal(strict.errors.map((error) => [error.code, error.line, error.column]), [['unknown-column', 1, 2]]);
  assert.equal(strict.warnings, []);
});

unknown.run();

const blank = suite('empty header cells');

blank('an empty header over a filled column is an error at the header cell, with the first filled line', () => {
  const result = read('users', 'Identifiant;;Nom;\nU1;;Dupont;\nU2;note;Durand;\nU3;autre;Martin;\n');
  assert.equal(result.errors, [{ file: 'users.csv', line: 1, column: 2, code: 'unnamed-column', value: 'note', params: { position: 2, firstLine: 3 } }]);
  assert.is(formatInputError(result.errors[0], 'en'), 'column 2 has no header but line 3 fills it: name the column or empty it');
});

blank('an empty header over an empty column is nothing', () => {
  const result = read('users', 'Identifiant;Nom;;\nU1;Dupont;;\nU2;Durand; ;\n');
  assert.equal(result.errors, []);
  assert.equal(result.warnings, []);
});

blank('streamed traces: the same error, once', async () => {
  const folder = folderWith({ 'partner.yaml': PARTNER, 'traces.csv': 'Date et heure;Identifiant;Action;\n2024-01-02T10:00;U1;Connexion;\n2024-01-02T11:00;U1;Connexion;x\n2024-01-02T12:00;U1;Connexion;y\n' });
  const loaded = await loadSnapshot(folder);
  const { errors } = await checkStreamedTables(loaded.snapshot!);
  assert.equal(errors, [{ file: 'traces.csv', line: 1, column: 4, code: 'unnamed-column', value: 'x', params: { position: 4, firstLine: 3 } }]);
});

blank('the two parts of a split reading say it once, with the earlier line', () => {
  const at = (firstLine: number): InputError => ({ file: 'traces.csv', line: 1, column: 7, code: 'unnamed-column', value: 'x', params: { position: 7, firstLine } });
  const row: InputError = { file: 'traces.csv', line: 900, column: 1, code: 'invalid-timestamp', value: 'z', params: { column: 'at' } };
  assert.equal(mergePartErrors([at(2)], [at(425), row]), [at(2), row]);
});

blank.run();

const partner = suite('unknown partner keys');

partner('an unknown key is a warning at the key with the closest sibling key', async () => {
  const yaml = 'partner:\n  name: Test\nconvention:\n  duree: P1Y\ncontacts:\n  - role: administrateur\n    telephone: "0320000000"\nremarques: rien\n';
  const loaded = await loadSnapshot(folderWith({ 'partner.yaml': yaml }));
  assert.equal(loaded.errors, []);
  assert.equal(loaded.warnings, [
    { file: 'partner.yaml', line: 4, column: 3, code: 'unknown-key', value: 'duree', params: { key: 'convention.duree', suggestion: 'duration' } },
    { file: 'partner.yaml', line: 7, column: 5, code: 'unknown-key', value: 'telephone', params: { key: 'contacts.0.telephone', suggestion: 'phone' } },
    { file: 'partner.yaml', line: 8, column: 1, code: 'unknown-key', value: 'remarques', params: { key: 'remarques' } },
  ]);
  assert.is(formatInputError(loaded.warnings[1]), 'clé « contacts.0.telephone » inconnue : vouliez-vous dire « phone » ?');
});

partner('known keys and table keys of a single JSON file are not warned about', async () => {
  const folder = folderWith({ 'snap.json': '{"partner": {"name": "Test"}, "contacts": [{"phone": "01"}], "users": [{"user_id": "U1"}]}' });
  const loaded = await loadSnapshot(join(folder, 'snap.json'));
  assert.equal(loaded.errors, []);
  assert.equal(loaded.warnings, []);
});

partner.run();
