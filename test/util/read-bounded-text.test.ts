import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readBoundedText } from '../../src/util/read-bounded-text.js';

const bounded = suite('util: reading a file of bounded size');

bounded('up to the limit the text is read, one byte more is refused; special files are not opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bounded-'));
  try {
    writeFileSync(join(dir, 'exact.yaml'), 'é'.repeat(8)); // 16 bytes
    assert.equal(readBoundedText(join(dir, 'exact.yaml'), 16), { text: 'é'.repeat(8) });
    assert.equal(readBoundedText(join(dir, 'exact.yaml'), 15), { problem: { reason: 'TOO_LARGE', size: 16, limit: 15 } });
    assert.equal(readBoundedText(join(dir, 'absent.yaml'), 16), { problem: { reason: 'ENOENT' } });
    assert.equal(readBoundedText(join(dir, 'exact.yaml', 'below'), 16), { problem: { reason: 'ENOTDIR' } });
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    assert.equal(readBoundedText(join(dir, 'fifo'), 16), { problem: { reason: 'NOT_REGULAR', kind: 'fifo' } });
    assert.equal(readBoundedText('/dev/zero', 16), { problem: { reason: 'NOT_REGULAR', kind: 'device' } });
    assert.equal(readBoundedText(dir, 16), { problem: { reason: 'NOT_REGULAR', kind: 'folder' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

bounded.run();
