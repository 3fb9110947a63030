import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findSnapshots } from '../../src/portfolio/find-snapshots.js';
import { skippedLine } from '../../src/portfolio/skipped-messages.js';
import { runCli } from '../cli/run-cli.js';

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
  // Nothing left out without a word.
  assert.equal(found.skipped, [
    { path: join(dir, '.git'), reason: 'hidden' },
    { path: join(dir, 'README.md'), reason: 'not-a-snapshot-file' },
    { path: join(dir, 'notes'), reason: 'no-snapshot-files' },
  ]);
});

find('a snapshot folder is a single snapshot; several paths are a portfolio', async () => {
  assert.equal(await findSnapshots(['samples/ca2c-2023']), { paths: ['samples/ca2c-2023'], portfolio: false, skipped: [] });
  assert.equal(await findSnapshots(['test/fixtures/snapshots/single-file.json']), { paths: ['test/fixtures/snapshots/single-file.json'], portfolio: false, skipped: [] });
  assert.equal(await findSnapshots(['samples/ca2c-2023', 'samples/ca2c-2023']), {
    paths: ['samples/ca2c-2023'],
    portfolio: false,
    skipped: [{ path: 'samples/ca2c-2023', reason: 'duplicate', sameAs: 'samples/ca2c-2023' }],
  });
  const two = await findSnapshots(['samples/ca2c-2023', 'samples/exemple-conforme']);
  assert.ok(two.portfolio);
  assert.is(two.paths.length, 2);
});

find('a folder with no snapshot at all, or a missing path, is left to the reader', async () => {
  assert.equal(await findSnapshots([join(dir, 'notes')]), { paths: [join(dir, 'notes')], portfolio: false, skipped: [] });
  assert.equal(await findSnapshots([join(dir, 'absent')]), { paths: [join(dir, 'absent')], portfolio: false, skipped: [] });
  assert.equal(await findSnapshots([join(dir, 'd-no-partner')]), { paths: [join(dir, 'd-no-partner')], portfolio: false, skipped: [] });
});

find('a folder with a table of its own is a snapshot (missing its partner.yaml), not a portfolio', async () => {
  const mixed = mkdtempSync(join(tmpdir(), 'vigie-find-'));
  try {
    cpSync('samples/ca2c-2023', join(mixed, 'a-ca2c'), { recursive: true });
    writeFileSync(join(mixed, 'users.json'), '[]');
    assert.equal(await findSnapshots([mixed]), { paths: [mixed], portfolio: false, skipped: [] });
  } finally {
    rmSync(mixed, { recursive: true, force: true });
  }
});

find('snap and ./snap are one partner, shown as first given; the other is named as left out', async () => {
  const found = await findSnapshots(['samples/ca2c-2023', './samples/ca2c-2023', 'samples/../samples/ca2c-2023/']);
  assert.equal(found.paths, ['samples/ca2c-2023']);
  assert.is(found.portfolio, false);
  assert.equal(found.skipped.map((skipped) => skippedLine(skipped, 'fr')), [
    './samples/ca2c-2023 : ignoré — même instantané que samples/ca2c-2023',
    'samples/../samples/ca2c-2023/ : ignoré — même instantané que samples/ca2c-2023',
  ]);
  const run = runCli(['check', 'samples/ca2c-2023', './samples/ca2c-2023', '--format', 'json']);
  assert.is(run.code, 1, run.stderr);
  assert.ok(JSON.parse(run.stdout).findings, 'one partner: a single report, not a portfolio');
  assert.is(run.stderr, './samples/ca2c-2023 : ignoré — même instantané que samples/ca2c-2023\n');
});

find('a linked partner folder is followed; a link to one already listed, a dangling link and a FIFO are named', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'vigie-find-links-'));
  try {
    const store = join(folder, 'store');
    mkdirSync(store);
    cpSync('samples/exemple-conforme', join(store, 'conforme'), { recursive: true });
    const portfolio = join(folder, 'portfolio');
    mkdirSync(portfolio);
    cpSync('samples/ca2c-2023', join(portfolio, 'a-ca2c'), { recursive: true });
    symlinkSync(join(store, 'conforme'), join(portfolio, 'b-conforme'));
    symlinkSync('a-ca2c', join(portfolio, 'c-same-as-a'));
    symlinkSync(join(folder, 'nowhere'), join(portfolio, 'd-gone'));
    execFileSync('mkfifo', [join(portfolio, 'e-pipe.json')]);
    const found = await findSnapshots([portfolio]);
    assert.equal(found.paths, [join(portfolio, 'a-ca2c'), join(portfolio, 'b-conforme')]);
    assert.equal(found.skipped.map((skipped) => skippedLine(skipped, 'en')), [
      `${join(portfolio, 'd-gone')}: skipped — unreadable file: symbolic link to a missing file`,
      `${join(portfolio, 'e-pipe.json')}: skipped — unreadable file: not a regular file but a named pipe (FIFO)`,
      `${join(portfolio, 'c-same-as-a')}: skipped — same snapshot as ${join(portfolio, 'a-ca2c')}`,
    ]);
    const run = runCli(['check', portfolio, '--format', 'json']);
    assert.is(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.partners.map((partner: { snapshot: { path: string } }) => partner.snapshot.path).sort(), [join(portfolio, 'a-ca2c'), join(portfolio, 'b-conforme')]);
    assert.equal(report.skipped.map((skipped: { path: string; reason: string }) => [skipped.path, skipped.reason]), [
      [join(portfolio, 'd-gone'), 'unreadable'],
      [join(portfolio, 'e-pipe.json'), 'unreadable'],
      [join(portfolio, 'c-same-as-a'), 'duplicate'],
    ]);
    assert.match(run.stderr, `${join(portfolio, 'd-gone')} : ignoré — fichier illisible : lien symbolique vers un fichier absent\n`);
    const text = runCli(['check', portfolio, '--format', 'text']);
    assert.match(text.stdout, `Chemins ignorés (3)\n  ${join(portfolio, 'd-gone')} — fichier illisible : lien symbolique vers un fichier absent\n`);
    const markdown = runCli(['check', portfolio, '--format', 'markdown', '--lang', 'en']);
    assert.match(markdown.stdout, `#### Paths left out (3)\n\n- \`${join(portfolio, 'd-gone')}\` — unreadable file: symbolic link to a missing file\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

find.run();
