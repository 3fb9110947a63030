import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../cli/run-cli.js';
import { ca2cPersonalData, leaks } from '../redact/personal-data.js';

const command = suite('vigie bilan');
const CURRENT = 'test/fixtures/bilan/2024';
const PREVIOUS = 'test/fixtures/bilan/2023';

let dir = '';
command.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-bilan-cli-'));
});
command.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

command('Markdown on stdout by default, exit 0 whatever the findings', () => {
  const run = runCli(['bilan', 'samples/ca2c-2023']);
  assert.is(run.code, 0, run.stderr);
  assert.ok(run.stdout.startsWith('# Bilan annuel de la convention « Mon Compte Partenaire »\n'));
  assert.match(run.stdout, '## Signatures');
});

command('--previous and --format html --output: one file, last year evaluated at its own date', () => {
  const file = join(dir, 'bilan.html');
  const run = runCli(['bilan', CURRENT, '--previous', PREVIOUS, '--format', 'html', '--output', file]);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stdout, '');
  const page = readFileSync(file, 'utf8');
  assert.match(page, 'situation au 30/06/2023');
  assert.match(page, 'Depuis le bilan précédent : 1 constat(s) apparu(s), 1 résolu(s), 1 persistant(s).');
  // --as-of moves this year only.
  const asOf = runCli(['bilan', CURRENT, '--previous', PREVIOUS, '--as-of', '2024-03-15']);
  assert.match(asOf.stdout, '| Situation au | 15/03/2024 |');
  assert.match(asOf.stdout, 'situation au 30/06/2023');
  assert.match(asOf.stdout, 'Depuis le bilan précédent : 0 constat(s) apparu(s), 1 résolu(s), 1 persistant(s).');
});

command('--lang en', () => {
  const run = runCli(['bilan', CURRENT, '--lang', 'en']);
  assert.is(run.code, 0, run.stderr);
  assert.ok(run.stdout.startsWith('# Annual review of the « Mon Compte Partenaire » convention\n'));
});

command('bad usage and bad input exit 2 with a message', () => {
  const format = runCli(['bilan', CURRENT, '--format', 'pdf']);
  assert.is(format.code, 2);
  assert.match(format.stderr, '--format markdown|html (pdf)');
  const none = runCli(['bilan']);
  assert.is(none.code, 2);
  const other = runCli(['bilan', CURRENT, '--previous', 'samples/ca2c-2023']);
  assert.is(other.code, 2);
  assert.match(other.stderr, "samples/ca2c-2023:1:1: --previous : SIRET 20003063300198, celui d'un autre partenaire que 21590999900017");
  const missing = runCli(['bilan', CURRENT, '--previous', join(dir, 'absent')]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, 'absent');
  const unwritable = runCli(['bilan', CURRENT, '--output', join(dir, 'no', 'such', 'dir.md')]);
  assert.is(unwritable.code, 2);
  assert.ok(!existsSync(join(dir, 'no')));
});

command('--redact: names and e-mails become the pseudonyms of the other outputs', () => {
  const env = { VIGIE_REDACT_KEY: 'bilan-test-key' };
  for (const format of ['markdown', 'html']) {
    const run = runCli(['bilan', 'samples/ca2c-2023', '--redact', '--format', format], { env });
    assert.is(run.code, 0, run.stderr);
    assert.equal(leaks(run.stdout, ca2cPersonalData()), [], format);
  }
  const check = runCli(['check', 'samples/ca2c-2023', '--redact', '--format', 'json'], { env });
  const pseudonym = /Personne-[0-9a-f]{8}/.exec(JSON.parse(check.stdout).findings.find((finding: { ruleId: string }) => finding.ruleId === 'HAB-DEPARTED-USER').message)?.[0];
  assert.ok(pseudonym);
  assert.match(runCli(['bilan', 'samples/ca2c-2023', '--redact'], { env }).stdout, pseudonym as string);
});

command.run();
