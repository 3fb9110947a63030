import iconv from 'iconv-lite';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LoadCollector } from '../../src/snapshot/load-collector.js';
import { readCsvTable, readWithCsvParse, regularRecords } from '../../src/snapshot/read-csv.js';
import { detectDelimiter } from '../../src/snapshot/detect-delimiter.js';
import { getTableModel } from '../../src/snapshot/table-model.js';

function read(table: string, content: string | Buffer, file = `${table}.csv`) {
  const collector = new LoadCollector();
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const result = readCsvTable(bytes, file, getTableModel(table), collector);
  return { table: result, errors: collector.errors };
}

const valuesOf = (result: ReturnType<typeof read>) => result.table?.records.map((record) => record.values);
const linesOf = (result: ReturnType<typeof read>) => result.table?.records.map((record) => record.line);

const lines = suite('readCsvTable: lines');

lines('a record spanning several lines keeps its first line', () => {
  const text = 'site_id,name,address\nS1,Mairie,"1 place\nde l\'Église"\nS2,École,"a\nb\nc"\nS3,Gare,\n';
  assert.equal(linesOf(read('sites', text)), [2, 4, 7]);
  assert.is(valuesOf(read('sites', text))?.[0].address, "1 place\nde l'Église");
});

lines('CRLF inside quotes counts as one line', () => {
  const text = 'site_id;name\r\nS1;"x\r\ny"\r\nS2;z\r\nS3;w\r\n';
  assert.equal(linesOf(read('sites', text)), [2, 4, 5]);
});

lines('blank lines and rows of empty cells are skipped, line numbers stay true', () => {
  const text = 'site_id;name\n\nS1;a\n;\n   \n\nS2;b\n';
  assert.equal(linesOf(read('sites', text)), [3, 7]);
  assert.equal(read('sites', text).errors, []);
});

lines('old Mac line ends (CR alone)', () => {
  assert.equal(linesOf(read('sites', 'site_id,name\rS1,a\rS2,b\r')), [2, 3]);
});

lines('CR line ends in the files csv-parse reads (text after a quote, a quote left open): the same lines', () => {
  const irregular = read('sites', 'site_id,name\r\rS1,"a"b\rS2,"c\rd"\rS3,e\r');
  assert.equal(linesOf(irregular), [3, 4, 6]);
  assert.equal(valuesOf(irregular)?.map((values) => values.name), ['"a"b', 'c\rd', 'e']);
  // Mixed: csv-parse alone would keep to the first line end it meets.
  const mixed = read('sites', 'site_id,name\nS1,"a"b\rS2,c\r\nS3,d\n');
  assert.equal([linesOf(mixed), valuesOf(mixed)?.map((values) => values.name)], [[2, 3, 4], ['"a"b', 'c', 'd']]);
  const unclosed = read('sites', 'site_id,name\rS1,a\rS2,"b\rS3,c\r');
  assert.equal(unclosed.errors.map(({ line, code, value }) => [line, code, value]), [[3, 'csv-syntax', 'S2,"b\rS3,c\r']]);
});

lines.run();

const encodings = suite('readCsvTable: encodings and delimiters');

encodings('UTF-8 with BOM and tab delimiter', () => {
  const result = read('sites', '\ufeffCode lieu\tLieu d’implantation\tAdresse\nS1\tMairie\t1, place de l\'Église\n');
  assert.equal(result.table?.columns, ['site_id', 'name', 'address']);
  assert.equal(valuesOf(result), [{ site_id: 'S1', name: 'Mairie', address: "1, place de l'Église" }]);
});

encodings('Windows-1252 bytes are decoded', () => {
  const bytes = iconv.encode('Code lieu;Lieu d\'implantation\r\nS1;Crèche « Les Écureuils »\r\n', 'win1252');
  assert.ok(!bytes.toString('utf8').includes('è'), 'fixture really is cp1252');
  assert.equal(valuesOf(read('sites', bytes)), [{ site_id: 'S1', name: 'Crèche « Les Écureuils »' }]);
});

encodings('the most frequent delimiter outside quotes wins', () => {
  const result = read('sites', '"site_id,x";name;address\nS1;a,b;c\n');
  // The quoted comma does not count: `;` separates, and "site_id,x" is an unknown header.
  assert.equal(result.errors.map((error) => error.code), ['missing-column']);
  assert.equal(valuesOf(read('sites', 'site_id;name;address\nS1;a,b,c;d\n')), [{ site_id: 'S1', name: 'a,b,c', address: 'd' }]);
});

encodings.run();

const headers = suite('readCsvTable: headers');

headers('headers match case-, accent- and space-insensitively, aliases included', () => {
  const text = 'IDENTIFIANT ; profil;NIVEAU;Périmètre;DATE_D_HABILITATION;date de CLOTURE;Commentaire\nU1;D1;site;S1;2024-01-15;;ok\n';
  const result = read('habilitations', text);
  assert.equal(result.errors, []);
  assert.equal(result.table?.columns, ['user_id', 'profile', 'scope_level', 'scope_id', 'granted_on', 'revoked_on']);
  assert.equal(valuesOf(result), [{ user_id: 'U1', profile: 'D1', scope_level: 'site', scope_id: 'S1', granted_on: '2024-01-15', service: 'AFAS' }]);
});

headers('two headers for the same column are an error at the second', () => {
  const result = read('users', 'user_id,Identifiant\nU1,U1\n');
  assert.equal(result.errors, [
    { file: 'users.csv', line: 1, column: 2, code: 'duplicate-column', value: 'Identifiant', params: { column: 'user_id', header: 'Identifiant', firstColumn: 1 } },
  ]);
});

headers('an empty file has no header', () => {
  assert.equal(read('users', '\n\n').errors.map((error) => error.code), ['missing-header']);
  assert.is(read('users', '').table, undefined);
});

headers('blank lines before the header are skipped', () => {
  const result = read('users', '\n ; \nuser_id;nom\nU1;X\n');
  assert.equal(result.errors, []);
  assert.equal(linesOf(result), [4]);
  assert.equal(read('users', ';;\n').errors.map((error) => error.code), ['missing-header']);
});

headers('a header-only file is an empty table', () => {
  const result = read('users', 'user_id,nom\n');
  assert.equal(result.table?.records, []);
  assert.equal(result.table?.columns, ['user_id', 'last_name']);
});

headers.run();

const values = suite('readCsvTable: values');

values('empty cells are absent, defaults apply, cells are trimmed', () => {
  const result = read('users', 'user_id,last_name,kind,left_on\n U1 ,,,\nT1,,Compte technique, 01/02/2024\n');
  assert.equal(valuesOf(result), [
    { user_id: 'U1', kind: 'person' },
    { user_id: 'T1', kind: 'technical', left_on: '2024-02-01' },
  ]);
});

values('errors carry the value as written, the field index and the header as written', () => {
  const result = read('incidents', "incident_id;kind;Date d'ouverture;urgent\nI1;sécurité;31/02/2024;peut-être\n");
  assert.equal(result.errors, [
    { file: 'incidents.csv', line: 2, column: 3, code: 'invalid-date', value: '31/02/2024', params: { column: 'opened_on', header: "Date d'ouverture" } },
    { file: 'incidents.csv', line: 2, column: 4, code: 'invalid-boolean', value: 'peut-être', params: { column: 'urgent', header: 'urgent' } },
  ]);
});

values('a required value left empty', () => {
  const result = read('habilitations', 'user_id,profile,scope_level,Code lieu ou équipement,granted_on\nU1,D1,site,,2024-01-01\n');
  assert.equal(result.errors, [{ file: 'habilitations.csv', line: 2, column: 4, code: 'required', params: { column: 'scope_id', header: 'Code lieu ou équipement' } }]);
});

values('schema constraints beyond conversion are checked (country code)', () => {
  const result = read('subcontractors', 'subcontractor_id,name,starts_on,country\nP1,X,2024-01-01,France\n');
  assert.equal(result.errors.map((error) => [error.code, error.column, error.value, error.params?.keyword]), [['schema', 4, 'France', 'pattern']]);
});

values.run();

const paths = suite('readCsvTable: tokenizer and csv-parse agree');

function readBoth(table: string, content: string) {
  const fast = new LoadCollector();
  const slow = new LoadCollector();
  const bytes = Buffer.from(content, 'utf8');
  const model = getTableModel(table);
  const fastTable = readCsvTable(bytes, `${table}.csv`, model, fast);
  const slowTable = readWithCsvParse(bytes, detectDelimiter(bytes), `${table}.csv`, model, slow);
  return { fast: { table: fastTable, errors: fast.errors }, slow: { table: slowTable, errors: slow.errors } };
}

paths('regular files read the same both ways: quotes, escaped quotes, line breaks in cells, blank lines, bad rows', () => {
  const inputs: [string, string][] = [
    ['sites', 'site_id,name,address\nS1,Mairie,"1 place\nde l\'Église"\n\nS2,"École ""Jaurès""",\r\nS3,Gare\n'],
    ['sites', 'site_id;name\r\nS1;"x\r\ny"\r\n;\r\nS2;z'],
    ['users', 'user_id,last_name,kind,left_on\n U1 ,,,\nT1,,Compte technique, 01/02/2024\nU1,a,b,31/02/2024\n'],
    ['habilitations', 'user_id;profile;scope_level;scope_id;granted_on\nU1;D1;site;S1;2024-01-15\nU2;D9;site;S1;2024-01-15\nU3;D1;site;"S1";\n'],
    ['users', 'user_id,nom\n"U1",a"b\nU2,"c,d"\n'],
    ['users', 'user_id,last_name,first_name\n" U1 ",\t"  a  "\t,""" b"\nU2, ""c"" ,"\t"\n'],
  ];
  for (const [table, text] of inputs) {
    const { fast, slow } = readBoth(table, text);
    assert.equal(fast, slow, text);
  }
});

paths('text after a closing quote is read as csv-parse reads it (quotes kept), not glued by the tokenizer', () => {
  const text = 'user_id,last_name\nU1,"a"b\nU2,c\nU3,"x" \n';
  const result = read('users', text);
  assert.equal(result.errors, []);
  assert.equal(valuesOf(result)?.map((values) => values.last_name), ['"a"b', 'c', '"x"']);
  const { fast, slow } = readBoth('users', text);
  assert.equal(fast, slow);
});

paths('csv-parse keeps the blanks of quoted cells as the tokenizer does (a file it reads because of text after a quote)', () => {
  const text = 'user_id,last_name,first_name\nU1," a ",\t"b" \nU2,"x"y, c\t\n';
  assert.equal(valuesOf(read('users', text))?.map((values) => [values.last_name, values.first_name]), [[' a ', '"b"'], ['"x"y', 'c']]);
  const { fast, slow } = readBoth('users', text);
  assert.equal(fast, slow);
});

paths('the tokenizer takes regular files and leaves the others to csv-parse', () => {
  const records = (text: string) => regularRecords(Buffer.from(text, 'utf8'), ',').records;
  assert.equal(records('a,b\n"x\ny",""""\r\n\nc,d'), [
    [['a', 'b'], 1],
    [['x\ny', '"'], 2, [true, true]],
    [['c', 'd'], 5],
  ]);
  assert.is(records('a,b\n"x"y,z\n'), undefined);
  assert.is(records('a,b\n"x,z\n'), undefined);
  // Old Mac line ends are the tokenizer's too (they went to csv-parse).
  assert.equal(records('a,b\rc,"d\re"\r'), [
    [['a', 'b'], 1],
    [['c', 'd\re'], 2, [false, true]],
  ]);
});

paths('the line ends that end records are told apart; those inside quoted cells do not count', () => {
  const lineEnds = (text: string) => regularRecords(Buffer.from(text, 'utf8'), ',').lineEnds;
  assert.is(lineEnds('a,b\n1,2\n'), 'lf');
  // Excel: CRLF between records, LF inside cells.
  assert.is(lineEnds('a,b\r\n1,"x\ny"\r\n'), 'crlf');
  assert.is(lineEnds('a,b\r1,2\r'), 'cr');
  assert.is(lineEnds('a,b\n1,2\r\n'), 'mixed');
  assert.is(lineEnds('a,b'), 'none');
});

paths.run();
