import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from './run-cli.js';

// Large trace files are read in two parts, the later one by a worker thread; VIGIE_TRACE_WORKER=1
// takes that path on the small samples (cut in the middle), VIGIE_SINGLE_THREAD=1 the other.
const TWO_THREADS = { VIGIE_TRACE_WORKER: '1' };
const ONE_THREAD = { VIGIE_SINGLE_THREAD: '1' };

const worker = suite('vigie check: the traces read by two threads');

worker('the same report, byte for byte, on one thread or two', () => {
  for (const sample of ['samples/ca2c-2023', 'samples/exemple-conforme']) {
    for (const format of ['json', 'text']) {
      const two = runCli(['check', sample, '--format', format], { env: TWO_THREADS });
      const one = runCli(['check', sample, '--format', format], { env: ONE_THREAD });
      assert.is(two.code, one.code, `${sample} ${format}: ${two.stderr}`);
      assert.is(two.stdout, one.stdout, `${sample} ${format}`);
    }
  }
});

worker('the worker configures the rules as the main thread does (--config, --as-of)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-worker-config-'));
  try {
    const config = join(dir, 'vigie.config.yaml');
    writeFileSync(config, 'rules:\n  HAB-SHARED-ACCOUNT:\n    params: {gap: PT2H}\n  HAB-UNUSED:\n    enabled: false\n  HAB-AUTOMATED-USE:\n    severity: info\n');
    const args = ['check', 'samples/ca2c-2023', '--format', 'json', '--config', config, '--as-of', '2024-05-31'];
    const two = runCli(args, { env: TWO_THREADS });
    const one = runCli(args, { env: ONE_THREAD });
    assert.is(two.code, one.code, two.stderr);
    assert.is(two.stdout, one.stdout);
    const report = JSON.parse(two.stdout);
    assert.is(report.asOf, '2024-05-31');
    assert.not.ok(report.rules.some((rule: { id: string }) => rule.id === 'HAB-UNUSED'));
    assert.is(report.rules.find((rule: { id: string }) => rule.id === 'HAB-AUTOMATED-USE').severity, 'info');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

worker('trace rows that do not parse, one in each part: both input errors, each once; --lenient skips each once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-worker-'));
  try {
    cpSync('samples/ca2c-2023', dir, { recursive: true });
    const lines = readFileSync(join(dir, 'traces.csv'), 'utf8').split('\n');
    lines.splice(3, 0, '30/02/2024 10:00;U-BROKEN;Consultation;;;');
    lines.splice(lines.length - 1, 0, '31/02/2024 10:00;U-BROKEN;Consultation;;;');
    writeFileSync(join(dir, 'traces.csv'), lines.join('\n'));
    const two = runCli(['check', dir, '--format', 'json'], { env: TWO_THREADS });
    const one = runCli(['check', dir, '--format', 'json'], { env: ONE_THREAD });
    assert.is(two.code, 2, two.stderr);
    assert.is(two.stdout, one.stdout);
    assert.equal(
      JSON.parse(two.stdout).errors.map((error: { line: number }) => error.line),
      [4, lines.length - 1],
      two.stdout,
    );
    const lenientTwo = runCli(['check', dir, '--format', 'json', '--lenient'], { env: TWO_THREADS });
    const lenientOne = runCli(['check', dir, '--format', 'json', '--lenient'], { env: ONE_THREAD });
    assert.is(lenientTwo.stdout, lenientOne.stdout);
    assert.is(JSON.parse(lenientTwo.stdout).skipped.length, 2, lenientTwo.stdout);
    // The manifest counts the whole file's rows, both parts, the skipped ones too, as one thread does.
    const traces = JSON.parse(lenientTwo.stdout).inputs.files.find((entry: { file: string }) => entry.file === 'traces.csv');
    assert.equal([traces.rows, traces.skipped, traces.streamed], [840, 2, true]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

worker.run();
