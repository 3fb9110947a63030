import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LoadCollector } from '../../src/snapshot/load-collector.js';
import { readCsvTable } from '../../src/snapshot/read-csv.js';
import { scanCsvTable } from '../../src/snapshot/scan-csv-table.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';
import { getTableModel } from '../../src/snapshot/table-model.js';

interface Reading {
  readonly records: { line: number; values: Record<string, unknown> }[];
  readonly errors: readonly InputError[];
}

const directory = mkdtempSync(join(tmpdir(), 'vigie-cells-'));

/** The same bytes read as a held table (readCsvTable) and as a streamed one (scanCsvTable). */
async function readBoth(table: string, content: string | Buffer): Promise<{ held: Reading; streamed: Reading }> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const file = `${table}.csv`;
  const model = getTableModel(table);
  const heldCollector = new LoadCollector();
  const held = readCsvTable(bytes, file, model, heldCollector);
  const path = join(directory, file);
  writeFileSync(path, bytes);
  const streamedCollector = new LoadCollector();
  const records: Reading['records'] = [];
  await scanCsvTable(path, file, model, streamedCollector, (record) => records.push({ line: record.line, values: record.values }));
  return {
    held: { records: held?.records.map((record) => ({ line: record.line, values: record.values })) ?? [], errors: heldCollector.errors },
    streamed: { records, errors: streamedCollector.errors },
  };
}

const cells = suite('held and streamed tables: the same cells, the same values');

const texts: [string, string][] = [
  ['tabs and spaces next to delimiters', 'at,user_id,action,origin\n2024-01-09T15:41:52+01:00\t, U003\t,\tlogin , \t\n \t2024-01-09 15:44:40 ,U004 , enter ,\t10.0.0.1\n'],
  ['quoted cells keep their inner blanks', 'at,user_id,action,origin\n"2024-01-09T15:41:52+01:00"," U003 ","\tlogin\t"," "\n'],
  ['a mix of quoted and unquoted cells on one line', 'at,user_id,action,origin\n 2024-01-09T15:41:52Z , "U 1" ,"a""b", x \n'],
  ['empty cells, quoted or not', 'at,user_id,action,origin,session_id\n2024-01-09T15:41:52Z,U1,,"",\n2024-01-09T15:41:53Z,U2,  ,\t,""\n'],
  ['CR LF line ends', 'at;user_id;action\r\n2024-01-09T15:41:52Z ;U1\t;login\r\n"2024-01-09T15:41:53Z";" U2";"x "\r\n'],
  ['CR line ends (old Mac exports), inside quoted cells too', 'at;user_id;action\r2024-01-09T15:41:52Z ;U1\t;"log\rin"\r;;\r2024-01-09T15:41:53Z;U2;x\r2024-13-01T00:00:00Z;U3;y\r'],
  ['line ends of the three kinds in one file', 'at;user_id;action\n2024-01-09T15:41:52Z;U1;a\r\n2024-01-09T15:41:53Z;U2;b\r2024-13-01T00:00:00Z;U3;c\n2024-01-09T15:41:54Z;U4\r'],
  ['a BOM and French headers', '\ufeffhorodatage;identifiant;action\n09/01/2024 15:41 ; U1 ;login\n'],
  ['no-break spaces around a cell', 'at,user_id,action\n2024-01-09T15:41:52Z,\u00a0U1\u00a0,\u202flogin\n'],
  ['lines of blanks or delimiters, before the header too', ' \n;;\nat;user_id;action\n;;\n\t; ;\n2024-01-09T15:41:52Z;U1;x\n   \n"";" ";\n'],
  ['values that do not convert, with blanks around', 'at,user_id\n 2024-13-01T00:00:00Z ,U1\n" 2024-01-09T15:41:52Z",U2\n'],
];

for (const [name, text] of texts) {
  cells(name, async () => {
    const { held, streamed } = await readBoth('traces', text);
    assert.equal(streamed, held, JSON.stringify(text));
  });
}

cells('CR and mixed line ends: every row read, at its true line, the bad ones with their value', async () => {
  const cr = await readBoth('traces', texts.find(([name]) => name.startsWith('CR line ends'))![1]);
  assert.equal(cr.streamed.records.map((record) => [record.line, record.values.user_id]), [[2, 'U1'], [5, 'U2']]);
  assert.equal(cr.streamed.errors.map(({ line, column, code, value }) => [line, column, code, value]), [[6, 1, 'invalid-timestamp', '2024-13-01T00:00:00Z']]);
  const mixed = await readBoth('traces', texts.find(([name]) => name.startsWith('line ends of the three'))![1]);
  assert.equal(mixed.streamed.records.map((record) => record.line), [2, 3]);
  assert.equal(mixed.streamed.errors.map(({ line, code, value }) => [line, code, value]), [[4, 'invalid-timestamp', '2024-13-01T00:00:00Z'], [5, 'field-count', '2024-01-09T15:41:54Z;U4']]);
});

cells('blanks around a cell are not data, inside quotes they are', async () => {
  const { streamed } = await readBoth('traces', texts[0][1] + '2024-01-09T15:41:52Z," U5 ", login,\n');
  assert.equal(streamed.records.map((record) => [record.values.user_id, record.values.action, record.values.origin]), [
    ['U003', 'login', undefined],
    ['U004', 'enter', '10.0.0.1'],
    [' U5 ', 'login', undefined],
  ]);
});

cells('a held table of users reads the same streamed (labels, dates)', async () => {
  const text = 'user_id,last_name,kind,left_on\n U1 ,\t"Du Pont" ,Compte technique\t,\t01/02/2024\r\nU2,"  Martin  ",person, 2024-02-01 \n';
  const { held, streamed } = await readBoth('users', text);
  assert.equal(streamed, held);
  assert.equal(held.records.map((record) => record.values.last_name), ['"Du Pont"', '  Martin  ']);
});

cells.after(() => rmSync(directory, { recursive: true, force: true }));

cells.run();
