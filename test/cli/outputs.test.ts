import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, linkSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, runCli } from './run-cli.js';

const outputs = suite('vigie: outputs that cannot destroy the inputs, written whole, and a failing stdout');

/** A copy of a sample in a temporary folder, and the bytes of every file in it, to compare after the run. */
function hostileCase(body: (dir: string, snapshot: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-hostile-'));
    try {
      const snapshot = join(dir, 'ca2c');
      cpSync(join(ROOT, 'samples/ca2c-2023'), snapshot, { recursive: true });
      body(dir, snapshot);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Runs vigie and checks: exit 2, the clash named on stderr, and no file of the folder created, removed or changed. */
function refused(dir: string, args: readonly string[], expected: RegExp): void {
  const before = snapshotOf(dir);
  const run = runCli(args);
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, expected);
  assert.not.match(run.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(snapshotOf(dir), before, 'every file as it was, none added');
}

function snapshotOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      files[name] = readFileSync(join(dir, name)).toString('base64');
    } catch {
      files[name] = '(folder)';
    }
  }
  return files;
}

outputs(
  'check --output over a table file of the snapshot',
  hostileCase((dir, snapshot) => {
    const users = join(snapshot, 'users.csv');
    refused(dir, ['check', snapshot, '--format', 'json', '--output', users], new RegExp(`^${escape(users)}:1:1: --output écraserait ${escape(users)}, un fichier lu par ce contrôle : rien n'a été écrit`));
  }),
);

outputs(
  'an invalid run writes its error documents, but never over an input: a usage error, a broken snapshot',
  hostileCase((dir, snapshot) => {
    const users = join(snapshot, 'users.csv');
    refused(dir, ['check', snapshot, '--as-of', '31/02/2024', '--format', 'sarif', '--output', users], /--output écraserait/);
    writeFileSync(join(snapshot, 'habilitations.csv'), 'pas un en-tête\n');
    const before = readFileSync(users);
    const run = runCli(['check', snapshot, '--format', 'junit', '--output', users]);
    assert.is(run.code, 2, run.stderr);
    assert.match(run.stderr, /--output écraserait/);
    assert.equal(readFileSync(users), before);
  }),
);

outputs(
  'a usage error with a folder of snapshots: an output over a file of one of them is refused too',
  hostileCase((dir, snapshot) => {
    refused(dir, ['check', dir, '--as-of', '2023-13-45', '--format', 'json', '--output', join(snapshot, 'users.csv')], /--output écraserait/);
    refused(dir, ['check', dir, '--lang', 'xx', '--format', 'json', '--output', join(snapshot, 'partner.yaml')], /--output/);
  }),
);

outputs(
  'a hard link to partner.yaml and a symbolic link to traces.csv, the other outputs not written either',
  hostileCase((dir, snapshot) => {
    linkSync(join(snapshot, 'partner.yaml'), join(dir, 'hard.yaml'));
    symlinkSync(join(snapshot, 'traces.csv'), join(dir, 'link.csv'));
    const args = ['check', snapshot, '--lang', 'en', '--format', 'json', '--output', join(dir, 'hard.yaml'), '--format', 'sarif', '--output', join(dir, 'link.csv')];
    refused(dir, [...args, '--format', 'junit', '--output', join(dir, 'fine.xml')], new RegExp(`hard.yaml:1:1: --output would overwrite ${escape(join(snapshot, 'partner.yaml'))}, a file this run reads[^\n]*\n.*link.csv:1:1: --output would overwrite ${escape(join(snapshot, 'traces.csv'))}`));
  }),
);

outputs(
  'deadlines --ics over partner.yaml, and --ics on the file of --output',
  hostileCase((dir, snapshot) => {
    refused(dir, ['deadlines', snapshot, '--ics', join(snapshot, 'partner.yaml')], /partner\.yaml:1:1: --ics écraserait/);
    refused(dir, ['deadlines', snapshot, '--format', 'json', '--output', join(dir, 'd.ics'), '--ics', join(dir, 'd.ics')], /d\.ics:1:1: --ics désigne le même fichier que --output/);
  }),
);

outputs(
  'bilan --output over a file of --previous, review --output over habilitations.csv',
  hostileCase((dir, snapshot) => {
    const previous = join(dir, 'previous');
    cpSync(snapshot, previous, { recursive: true });
    refused(dir, ['bilan', snapshot, '--previous', previous, '--output', join(previous, 'users.csv')], /previous\/users\.csv:1:1: --output écraserait/);
    refused(dir, ['review', snapshot, '--output', join(snapshot, 'habilitations.csv')], /habilitations\.csv:1:1: --output écraserait/);
  }),
);

outputs(
  '--config, --waivers, --baseline and a rule file of --rules are inputs too; a portfolio’s snapshots as well',
  hostileCase((dir, snapshot) => {
    for (const [option, name] of [['--config', 'config.yaml'], ['--waivers', 'waivers.yaml'], ['--baseline', 'baseline.json']]) {
      writeFileSync(join(dir, name), '{}\n');
      refused(dir, ['check', snapshot, option, join(dir, name), '--format', 'json', '--output', join(dir, name)], new RegExp(`${escape(name)}:1:1: --output écraserait`));
    }
    writeFileSync(join(dir, 'MY-RULE.yaml'), 'id: MY-RULE\n');
    refused(dir, ['check', snapshot, '--rules', dir, '--format', 'sarif', '--output', join(dir, 'MY-RULE.yaml')], /MY-RULE\.yaml:1:1: --output écraserait/);
    refused(dir, ['check', dir, '--format', 'json', '--output', join(snapshot, 'sites.csv')], /sites\.csv:1:1: --output écraserait/);
  }),
);

outputs(
  'an output that cannot be written whole leaves the previous one, and no temporary file',
  hostileCase((dir, snapshot) => {
    const report = join(dir, 'report.json');
    writeFileSync(report, 'last week\n');
    const run = spawnSync('bash', ['-c', 'ulimit -f 1; exec "$0" bin/vigie.js check "$1" --format json --output "$2"', process.execPath, snapshot, report], { cwd: ROOT, encoding: 'utf8' });
    assert.is(run.status, 2, run.stderr);
    assert.is(run.stderr, `${report}:1:1: écriture impossible : fichier trop grand (EFBIG)\n`);
    assert.is(readFileSync(report, 'utf8'), 'last week\n');
    assert.equal(readdirSync(dir).sort(), ['ca2c', 'report.json']);
    // Without the limit, the report replaces last week's.
    assert.is(runCli(['check', snapshot, '--format', 'json', '--output', report]).code, 1);
    assert.is(JSON.parse(readFileSync(report, 'utf8')).snapshot.siret, '20003063300198');
    assert.equal(readdirSync(dir).sort(), ['ca2c', 'report.json']);
  }),
);

outputs('a full disk on stdout: one line on stderr in the run’s language, exit 2', () => {
  for (const [lang, line] of [
    ['fr', 'vigie: écriture impossible sur la sortie standard : plus de place sur le disque (ENOSPC)\n'],
    ['en', 'vigie: cannot write to standard output: no space left on the device (ENOSPC)\n'],
  ]) {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, ['bin/vigie.js', 'check', 'samples/exemple-conforme', '--format', 'json', '--lang', lang], {
        cwd: ROOT,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      assert.is(run.status, 2, run.stderr);
      assert.is(run.stderr, line);
    } finally {
      closeSync(full);
    }
  }
});

outputs('a reader gone (a closed pipe) ends quietly, with the run’s exit code', async () => {
  for (const [sample, expected] of [['samples/exemple-conforme', 0], ['samples/ca2c-2023', 1]] as const) {
    const child = spawn(process.execPath, ['bin/vigie.js', 'check', sample, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reading end is closed before vigie writes: its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.is(code, expected, stderr);
    assert.is(stderr, '');
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

outputs.run();
