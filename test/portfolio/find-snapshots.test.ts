import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findSnapshots } from '../../src/portfolio/find-snapshots.js';

const find = suite('which snapshots a command line names');
let dir = '';

find.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-find-'));
  cpSync('samples/exemple-conforme', join(dir, 'b-conforme'), { recursive: true });
  cpSync('samples/ca2c-2023', join(dir, 'a-ca2c'), { recursive: true });
  cpSync('test/fixtures/snapshots/single-file.json', join(dir, 'c-single.json'));
  // A folder of tables without partner.yaml is a snapshot still: the reader says what is missing.
  mkdirSync(join(dir, 'd-no-partner'));
  writeFileSync(join(dir, 'd-no-partner', 'users.csv'), 'user_id\nU1\n');
  // Neither snapshots nor tables: ignored.
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'partner.yaml'), 'partner: {name: x}\n');
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'notes', 'lisez-moi.txt'), 'x');
  writeFileSync(join(dir, 'README.md'), '#');
});

find.after(() => rmSync(dir, { recursive: true, force: true }));

find('a folder of snapshot folders and single-file snapshots is a portfolio, in name order', async () => {
  const found = await findSnapshots([dir]);
  assert.ok(found.portfolio);
  assert.equal(found.paths, ['a-ca2c', 'b-conforme', 'c-single.json', 'd-no-partner'].map((name) => join(dir, name)));
});

find('a snapshot folder is a single snapshot; several paths are a portfolio', async () => {
  assert.equal(await findSnapshots(['samples/ca2c-2023']), { paths: ['samples/ca2c-2023'], portfolio: false });
  assert.equal(await findSnapshots(['test/fixtures/snapshots/single-file.json']), { paths: ['test/fixtures/snapshots/single-file.json'], portfolio: false });
  assert.equal(await findSnapshots(['samples/ca2c-2023', 'samples/ca2c-2023']), { paths: ['samples/ca2c-2023'], portfolio: false });
  const two = await findSnapshots(['samples/ca2c-2023', 'samples/exemple-conforme']);
  assert.ok(two.portfolio);
  assert.is(two.paths.length, 2);
});

find('a folder with no snapshot at all, or a missing path, is left to the reader', async () => {
  assert.equal(await findSnapshots([join(dir, 'notes')]), { paths: [join(dir, 'notes')], portfolio: false });
  assert.equal(await findSnapshots([join(dir, 'absent')]), { paths: [join(dir, 'absent')], portfolio: false });
  assert.equal(await findSnapshots([join(dir, 'd-no-partner')]), { paths: [join(dir, 'd-no-partner')], portfolio: false });
});

find('a folder with a table of its own is a snapshot (missing its partner.yaml), not a portfolio', async () => {
  const mixed = mkdtempSync(join(tmpdir(), 'vigie-find-'));
  try {
    cpSync('samples/ca2c-2023', join(mixed, 'a-ca2c'), { recursive: true });
    writeFileSync(join(mixed, 'users.json'), '[]');
    assert.equal(await findSnapshots([mixed]), { paths: [mixed], portfolio: false });
  } finally {
    rmSync(mixed, { recursive: true, force: true });
  }
});

find.run();
