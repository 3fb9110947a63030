import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, runCli } from './run-cli.js';

const many = suite('cli: 200,000 bad trace rows, listed up to the cap and counted, never a crash');

const BAD_ROWS = 200_000;
let dir = '';
let snapshot = '';

many.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-many-errors-'));
  snapshot = join(dir, 'snap');
  cpSync(join(ROOT, 'samples/exemple-conforme'), snapshot, { recursive: true });
  const header = readFileSync(join(snapshot, 'traces.csv'), 'utf8').split('\n')[0];
  const cells = header.split(',').map((name) => (name === 'at' ? 'pas-une-date' : name === 'user_id' ? 'U001' : 'x'));
  const row = `${cells.join(',')}\n`;
  writeFileSync(join(snapshot, 'traces.csv'), `${header}\n${row.repeat(BAD_ROWS)}`);
});

many.after(() => rmSync(dir, { recursive: true, force: true }));

function stderrLines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

many('check: the first 1,000 errors of traces.csv on stderr, then the count of the others, exit 2', () => {
  const run = runCli(['check', snapshot]);
  assert.is(run.code, 2, run.stderr.slice(-500));
  assert.not.match(run.stderr, 'erreur interne');
  const lines = stderrLines(run.stderr);
  assert.is(lines.length, 1001);
  assert.match(lines[0], `${join(snapshot, 'traces.csv')}:2:1: horodatage invalide`);
  assert.match(lines[999], `${join(snapshot, 'traces.csv')}:1001:1:`);
  assert.is(lines[1000], `… et 199\u202f000 autres erreurs dans ${join(snapshot, 'traces.csv')}`);
});

many('check --format json: `errors` lists 1,000, `truncated` counts the others by file; English wording with --lang en', () => {
  const run = runCli(['check', snapshot, '--format', 'json', '--lang', 'en']);
  assert.is(run.code, 2);
  const document = JSON.parse(run.stdout);
  assert.is(document.errors.length, 1000);
  assert.equal(document.truncated, { [join(snapshot, 'traces.csv')]: 199_000 });
  assert.ok(document.errors.every((error: { code: string }) => error.code === 'invalid-timestamp'));
  assert.match(run.stderr, `… and 199,000 more errors in ${join(snapshot, 'traces.csv')}\n`);
});

many('the two-thread reading gives the same list and count', () => {
  const one = runCli(['check', snapshot, '--format', 'json'], { env: { VIGIE_SINGLE_THREAD: '1' } });
  const two = runCli(['check', snapshot, '--format', 'json'], { env: { VIGIE_TRACE_WORKER: '1' } });
  assert.is(two.code, 2);
  assert.is(two.stdout, one.stdout);
  assert.is(two.stderr, one.stderr);
});

many('check --lenient: every row skipped is counted in the summary, 1,000 listed, then the count of the others', () => {
  const run = runCli(['check', snapshot, '--lenient', '--format', 'json']);
  assert.not.match(run.stderr, 'erreur interne');
  const report = JSON.parse(run.stdout);
  assert.is(report.summary.rowsSkipped, BAD_ROWS);
  assert.is(report.skipped.length, 1000);
  assert.equal(report.skippedTruncated, { 'traces.csv': 199_000 });
  const text = runCli(['check', snapshot, '--lenient']);
  assert.match(text.stdout, 'Lignes ignorées (--lenient) (200000)');
  assert.match(text.stdout, '  … et 199\u202f000 autres lignes ignorées dans traces.csv\n');
});

many('validate: the same list and count, exit 2', () => {
  const run = runCli(['validate', snapshot, '--format', 'json']);
  assert.is(run.code, 2);
  const document = JSON.parse(run.stdout);
  assert.is(document.errors.length, 1000);
  assert.equal(document.truncated, { [join(snapshot, 'traces.csv')]: 199_000 });
});

many.run();
