import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'csv-parse/sync';
import { runCli } from '../cli/run-cli.js';
import { ca2cPersonalData, leaks } from '../redact/personal-data.js';

const command = suite('vigie review');
const SAMPLE = 'samples/ca2c-2023';

let dir = '';
command.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-review-'));
});
command.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The sample's grants active on 30/06/2024, counted from its CSV without vigie's reader. */
function activeSampleGrants(): string[] {
  const rows = parse(readFileSync(join(SAMPLE, 'habilitations.csv'), 'utf8'), { delimiter: ';', from_line: 2 }) as string[][];
  const iso = (date: string) => date.split('/').reverse().join('-');
  return rows.filter((row) => iso(row[5]) <= '2024-06-30' && (row[6] === '' || iso(row[6]) > '2024-06-30')).map((row) => `${row[0]} ${row[2]}`);
}

command('CSV on stdout: one record per grant active at D, in the order of users', () => {
  const run = runCli(['review', SAMPLE]);
  assert.is(run.code, 0, run.stderr);
  assert.ok(run.stdout.startsWith('\uFEFFidentifiant;nom;prénom;'));
  const records = parse(run.stdout.slice(1), { delimiter: ';', from_line: 2 }) as string[][];
  assert.is(records.length, activeSampleGrants().length);
  const users = records.map((record) => record[0]);
  assert.equal(users, [...users].sort());
  const departed = records.find((record) => record[0] === 'U004');
  assert.match(departed?.[13] ?? '', 'HAB-DEPARTED-USER');
});

command('--delimiter , and --format markdown --output FILE', () => {
  const comma = runCli(['review', SAMPLE, '--delimiter', ',']);
  assert.is(comma.code, 0, comma.stderr);
  assert.ok(comma.stdout.startsWith('\uFEFFidentifiant,nom,prénom,'));
  const file = join(dir, 'revue.md');
  const run = runCli(['review', SAMPLE, '--format', 'markdown', '--output', file]);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stdout, '');
  const text = readFileSync(file, 'utf8');
  assert.match(text, '# Revue inverse des habilitations — ');
  assert.match(text, `${activeSampleGrants().length} habilitation(s) active(s)`);
  assert.match(text, '## Signature de la revue');
});

command('bad options exit 2', () => {
  const delimiter = runCli(['review', SAMPLE, '--delimiter', '|']);
  assert.is(delimiter.code, 2);
  assert.match(delimiter.stderr, "--delimiter ';'|',' (|)");
  const format = runCli(['review', SAMPLE, '--format', 'html']);
  assert.is(format.code, 2);
  assert.match(format.stderr, '--format csv|markdown (html)');
  const twice = runCli(['review', SAMPLE, '--output', join(dir, 'a'), '--output', join(dir, 'b')]);
  assert.is(twice.code, 2);
  const missing = runCli(['review', join(dir, 'absent')]);
  assert.is(missing.code, 2);
});

command('--redact: names become pseudonyms, user IDs stay', () => {
  for (const format of ['csv', 'markdown']) {
    const run = runCli(['review', SAMPLE, '--redact', '--format', format], { env: { VIGIE_REDACT_KEY: 'review-test-key' } });
    assert.is(run.code, 0, run.stderr);
    assert.equal(leaks(run.stdout, ca2cPersonalData()), [], format);
    assert.match(run.stdout, 'U004');
    assert.match(run.stdout, /Personne-[0-9a-f]{8}/);
  }
});

command.run();
