import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, runCli } from './run-cli.js';

const traces = suite('cli: traces.json read through the stream pass, as traces.csv is');

let dir = '';

/** A copy of a sample with its traces.csv rewritten as traces.json, one object per line, the header's names as keys. */
function asJson(sample: string, name: string, edit: (rows: Record<string, string>[]) => void = () => undefined): string {
  const snapshot = join(dir, name);
  cpSync(join(ROOT, 'samples', sample), snapshot, { recursive: true });
  const [header, ...lines] = readFileSync(join(snapshot, 'traces.csv'), 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const names = header.split(';');
  const rows = lines.map((line) => Object.fromEntries(line.split(';').map((cell, index) => [names[index], cell]).filter(([, cell]) => cell !== '')));
  edit(rows);
  unlinkSync(join(snapshot, 'traces.csv'));
  writeFileSync(join(snapshot, 'traces.json'), `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(',\n')}\n]\n`);
  return snapshot;
}

traces.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-json-traces-'));
});
traces.after(() => rmSync(dir, { recursive: true, force: true }));

traces('the same findings, evidence at the same lines, as the CSV traces', () => {
  const csv = runCli(['check', 'samples/ca2c-2023', '--format', 'json']);
  const json = runCli(['check', asJson('ca2c-2023', 'same'), '--format', 'json']);
  assert.is(json.code, csv.code, json.stderr);
  const findings = (stdout: string) => JSON.stringify(JSON.parse(stdout).findings).replaceAll('traces.json', 'traces.csv');
  assert.ok(JSON.parse(csv.stdout).findings.some((finding: { evidence: { file: string }[] }) => finding.evidence.some((evidence) => evidence.file === 'traces.csv')));
  assert.is(findings(json.stdout), findings(csv.stdout));
});

traces('a bad value: the error at its line and column, exit 2; many: listed up to the cap and counted', () => {
  const one = asJson('ca2c-2023', 'one-bad', (rows) => {
    rows[2]['Date et heure'] = '31/02/2024 10:00';
  });
  const run = runCli(['check', one]);
  assert.is(run.code, 2);
  // Line 4 is the third row; its value starts after `  {"Date et heure":`, at column 20.
  assert.is(run.stderr, `${join(one, 'traces.json')}:4:20: horodatage invalide dans la colonne « Date et heure » (at) : attendu AAAA-MM-JJTHH:MM[:SS][+HH:MM] ou JJ/MM/AAAA HH:MM[:SS] (31/02/2024 10:00)\n`);
  const many = asJson('ca2c-2023', 'many-bad', (rows) => {
    const bad = { ...rows[0], 'Date et heure': 'x' };
    for (let index = 0; index < 3000; index++) rows.push(bad);
  });
  const lots = runCli(['check', many, '--format', 'json']);
  assert.is(lots.code, 2);
  const document = JSON.parse(lots.stdout);
  assert.is(document.errors.length, 1000);
  assert.equal(document.truncated, { [join(many, 'traces.json')]: 2000 });
});

traces.run();
