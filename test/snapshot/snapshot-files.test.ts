import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { formatInputError } from '../../src/snapshot/input-error-messages.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const files = suite('snapshot files: links followed, what is not a regular file refused');
let dir = '';

/** A copy of the compliant sample, under the temporary folder. */
function sample(name: string): string {
  const folder = join(dir, name);
  cpSync(join(ROOT, 'samples/exemple-conforme'), folder, { recursive: true });
  return folder;
}

const fileErrors = (errors: readonly InputError[]) => errors.map((error) => [error.file, error.line, error.column, error.code, error.value, formatInputError(error, 'fr')]);

files.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-files-'));
});
files.after(() => rmSync(dir, { recursive: true, force: true }));

files('a users.csv and a partner.yaml that are links to files are read as the files', async () => {
  const elsewhere = join(dir, 'export-store');
  mkdirSync(elsewhere);
  const folder = sample('linked');
  for (const name of ['users.csv', 'partner.yaml']) {
    cpSync(join(folder, name), join(elsewhere, name));
    rmSync(join(folder, name));
    symlinkSync(join('..', 'export-store', name), join(folder, name));
  }
  const linked = await loadSnapshot(folder, { stream: false });
  const plain = await loadSnapshot(join(ROOT, 'samples/exemple-conforme'), { stream: false });
  assert.equal(linked.errors, []);
  assert.ok(linked.snapshot);
  assert.equal(linked.snapshot!.tables.get('users')!.records.map((record) => record.values), plain.snapshot!.tables.get('users')!.records.map((record) => record.values));
  assert.equal(linked.snapshot!.partner.data, plain.snapshot!.partner.data);
});

files('a link loop, a dangling link, a FIFO and a folder named like a table are errors at their name', async () => {
  const folder = sample('broken');
  for (const name of ['users.csv', 'habilitations.csv', 'traces.csv', 'sites.csv']) rmSync(join(folder, name));
  symlinkSync('users.csv', join(folder, 'users.csv'));
  symlinkSync('../nowhere/habilitations.csv', join(folder, 'habilitations.csv'));
  execFileSync('mkfifo', [join(folder, 'traces.csv')]);
  mkdirSync(join(folder, 'sites.csv'));
  const loaded = await loadSnapshot(folder);
  assert.is(loaded.snapshot, undefined);
  assert.equal(fileErrors(loaded.errors), [
    ['habilitations.csv', 1, 1, 'unreadable', '../nowhere/habilitations.csv', 'fichier illisible : lien symbolique vers un fichier absent'],
    ['sites.csv', 1, 1, 'unreadable', undefined, "fichier illisible : ce n'est pas un fichier ordinaire mais un dossier"],
    ['traces.csv', 1, 1, 'unreadable', undefined, "fichier illisible : ce n'est pas un fichier ordinaire mais un tube nommé (FIFO)"],
    ['users.csv', 1, 1, 'unreadable', 'users.csv', 'fichier illisible : boucle de liens symboliques'],
  ]);
});

files('a partner.yaml that is a folder is that error, not « absent »', async () => {
  const folder = sample('partner-folder');
  rmSync(join(folder, 'partner.yaml'));
  mkdirSync(join(folder, 'partner.yaml'));
  const loaded = await loadSnapshot(folder);
  assert.equal(fileErrors(loaded.errors), [['partner.yaml', 1, 1, 'unreadable', undefined, "fichier illisible : ce n'est pas un fichier ordinaire mais un dossier"]]);
});

files('a FIFO or a folder named users.csv stops vigie check with exit 2, nothing opened (no hang)', () => {
  for (const [name, make] of [
    ['fifo', (path: string) => execFileSync('mkfifo', [path])],
    ['folder', (path: string) => mkdirSync(path)],
  ] as const) {
    const folder = sample(`cli-${name}`);
    rmSync(join(folder, 'users.csv'));
    make(join(folder, 'users.csv'));
    // A timeout, so that a regression (opening the FIFO) fails instead of hanging the suite.
    const run = spawnSync(process.execPath, ['bin/vigie.js', 'check', folder, '--format', 'text'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.is(run.status, 2, run.stderr);
    const kind = name === 'fifo' ? 'un tube nommé (FIFO)' : 'un dossier';
    assert.ok(run.stderr.includes(`${folder}/users.csv:1:1: fichier illisible : ce n'est pas un fichier ordinaire mais ${kind}`), run.stderr);
  }
});

files('a FIFO given as the snapshot itself is refused unopened', async () => {
  const fifo = join(dir, 'snapshot.json');
  execFileSync('mkfifo', [fifo]);
  const loaded = await loadSnapshot(fifo);
  assert.equal(fileErrors(loaded.errors), [[fifo, 1, 1, 'unreadable', undefined, "fichier illisible : ce n'est pas un fichier ordinaire mais un tube nommé (FIFO)"]]);
});

files('a single-file snapshot\'s errors name it as the command line does', async () => {
  const folder = join(dir, 'single');
  mkdirSync(folder);
  const text = readFileSync(join(ROOT, 'test/fixtures/snapshots/single-file.json'), 'utf8').replace('"01/06/2023"', '"31/02/2023"');
  writeFileSync(join(folder, 'snap.json'), text);
  const given = relative(ROOT, join(folder, 'snap.json'));
  const loaded = await loadSnapshot(join(folder, 'snap.json'));
  assert.equal(loaded.errors.map((error) => error.file), [join(folder, 'snap.json')]);
  const run = runCli(['validate', given]);
  assert.is(run.code, 2);
  assert.match(run.stderr, new RegExp(`^${given.replace(/[.]/g, '\\.')}:11:\\d+: date impossible`, 'm'));
});

files.run();
