import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeOutputs } from '../../src/commands/write-outputs.js';

const write = suite('commands: the one writer of stdout and files');

write('stdout in order, files written, an unwritable file stops no other', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-write-'));
  try {
    const rendered: string[] = [];
    const output = (name: string, file?: string) => ({ file, render: () => (rendered.push(name), `${name}\n`) });
    const written = writeOutputs(
      [output('a'), output('b', join(dir, 'b.txt')), output('c', join(dir, 'missing', 'c.txt')), output('d'), output('e', join(dir, 'e.txt'))],
      'en',
    );
    assert.is(written.stdout, 'a\nd\n');
    assert.equal(rendered, ['a', 'b', 'c', 'd', 'e']);
    assert.is(readFileSync(join(dir, 'b.txt'), 'utf8'), 'b\n');
    assert.is(readFileSync(join(dir, 'e.txt'), 'utf8'), 'e\n');
    assert.equal(
      written.errors.map((error) => [error.file, error.code]),
      [[join(dir, 'missing', 'c.txt'), 'output-unwritable']],
    );
    assert.is(written.errors[0].message, 'cannot write: folder not found (ENOENT)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

write.run();
