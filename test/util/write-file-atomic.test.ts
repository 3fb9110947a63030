import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileAtomic } from '../../src/util/write-file-atomic.js';

const atomic = suite('util: a file written whole or not at all');

function inTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-atomic-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

atomic('a new file, then a replaced one; no temporary file left behind', () => {
  inTempDir((dir) => {
    const file = join(dir, 'report.json');
    writeFileAtomic(file, 'first\n');
    assert.is(readFileSync(file, 'utf8'), 'first\n');
    writeFileAtomic(file, 'second\n');
    assert.is(readFileSync(file, 'utf8'), 'second\n');
    assert.equal(readdirSync(dir), ['report.json']);
  });
});

atomic('an existing file keeps its permissions', () => {
  inTempDir((dir) => {
    const file = join(dir, 'private.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    assert.is(statSync(file).mode & 0o777, 0o600);
    assert.is(readFileSync(file, 'utf8'), 'new');
  });
});

atomic('through a symbolic link, the file it names is replaced and the link stays', () => {
  inTempDir((dir) => {
    writeFileSync(join(dir, 'real.xml'), 'old');
    symlinkSync('real.xml', join(dir, 'link.xml'));
    writeFileAtomic(join(dir, 'link.xml'), 'new');
    assert.ok(lstatSync(join(dir, 'link.xml')).isSymbolicLink());
    assert.is(readlinkSync(join(dir, 'link.xml')), 'real.xml');
    assert.is(readFileSync(join(dir, 'real.xml'), 'utf8'), 'new');
    assert.equal(readdirSync(dir).sort(), ['link.xml', 'real.xml']);
  });
});

atomic('a device is written as it is, never replaced', () => {
  writeFileAtomic('/dev/null', 'nothing');
  assert.ok(statSync('/dev/null').isCharacterDevice());
});

atomic('a write that fails midway (a file size limit) leaves the previous content and no temporary file', () => {
  inTempDir((dir) => {
    const file = join(dir, 'report.json');
    writeFileSync(file, 'previous content\n');
    const module = pathToFileURL(join(process.cwd(), 'src/util/write-file-atomic.ts')).href;
    const script = `import { writeFileAtomic } from ${JSON.stringify(module)};
try { writeFileAtomic(${JSON.stringify(file)}, 'x'.repeat(200000)); console.log('written'); } catch (error) { console.log(error.code); }`;
    // `ulimit -f 1`: any file over 1 KiB fails with EFBIG after its first kilobyte is written.
    const run = spawnSync('bash', ['-c', `ulimit -f 1; exec "${process.execPath}" --import tsx --input-type=module -e "$0"`, script], { encoding: 'utf8' });
    assert.is(run.stdout.trim(), 'EFBIG', run.stderr);
    assert.is(readFileSync(file, 'utf8'), 'previous content\n');
    assert.equal(readdirSync(dir), ['report.json']);
  });
});

atomic('a folder that does not exist: the error of the write, nothing created', () => {
  inTempDir((dir) => {
    assert.throws(() => writeFileAtomic(join(dir, 'missing', 'report.json'), 'x'), (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
    assert.equal(readdirSync(dir), []);
  });
});

atomic.run();
