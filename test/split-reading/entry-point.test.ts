import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../cli/run-cli.js';

// `vigie check` imports src/split-reading/split-reading.ts and starts the trace worker before it
// loads anything else: the worker then reads while this thread loads the rules and the tables.
const entry = suite('src/split-reading: one light entry point');

entry('loading the entry point loads no package, nor the rules, the engine or the table readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-split-entry-'));
  try {
    const log = join(dir, 'imports.log');
    const run = spawnSync(process.execPath, ['--import', './test/cli/record-imports.mjs', '--input-type=module', '-e', "await import('./dist/split-reading/split-reading.js')"], {
      cwd: ROOT,
      env: { ...process.env, VIGIE_IMPORT_LOG: log },
      encoding: 'utf8',
    });
    assert.is(run.status, 0, run.stderr);
    const modules = readFileSync(log, 'utf8').trim().split('\n');
    assert.ok(modules.some((url) => url.endsWith('/dist/split-reading/trace-worker.js')), modules.join('\n'));
    const heavy = modules.filter((url) => /\/node_modules\/|\/dist\/(engine|rules|facts|stream|pipeline|commands)\/|\/dist\/snapshot\/load-snapshot\.js$/.test(url));
    assert.equal(heavy, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

entry.run();
