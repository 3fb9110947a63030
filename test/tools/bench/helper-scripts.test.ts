import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

/** The scripts the bench runs in its child processes: plain JavaScript, run by node without tsx. */
const helpers = suite('bench: helper scripts run by plain node');

let dir = '';
helpers.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-bench-helpers-'));
});
helpers.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

helpers('the max-RSS preload writes the peak memory at exit', () => {
  const file = join(dir, 'rss');
  const run = spawnSync(process.execPath, ['--import', './tools/bench/max-rss-preload.mjs', '-e', ''], { env: { ...process.env, VIGIE_BENCH_MAXRSS_FILE: file }, encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  assert.ok(Number(readFileSync(file, 'utf8')) > 1000);
});

helpers('the csv-parse baseline counts the records of a folder', () => {
  writeFileSync(join(dir, 'a.csv'), 'x,y\n1,2\n3,4\n');
  writeFileSync(join(dir, 'b.CSV'), 'z\n"5\n6"\n');
  writeFileSync(join(dir, 'partner.yaml'), 'name: x\n');
  const run = spawnSync(process.execPath, ['tools/bench/csv-parse-baseline.mjs', dir], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout), { files: 2, records: 5 });
});

helpers.run();
