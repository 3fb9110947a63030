import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { combineLineEnds, LineEndTally, lineEndsOf } from '../../src/snapshot/line-ends.js';

const ends = suite('line ends of a file, for the input manifest');

ends('LF, CRLF, CR, mixed and none, in text and in bytes alike', () => {
  const cases: [string, string][] = [
    ['a\nb\n', 'lf'],
    ['a\r\nb\r\n', 'crlf'],
    ['a\rb\r', 'cr'],
    ['a\r\nb\nc\r\n', 'mixed'],
    ['a\rb\nc', 'mixed'],
    ['a\r\nb\n', 'mixed'],
    ['a\nb\r\n', 'mixed'],
    ['a\r\nb\rc\r\n', 'mixed'],
    ['a\r\nb\r', 'mixed'],
    ['\na\r\n', 'mixed'],
    ['une seule ligne', 'none'],
    ['', 'none'],
  ];
  for (const [text, expected] of cases) {
    assert.is(lineEndsOf(text), expected, JSON.stringify(text));
    assert.is(lineEndsOf(Buffer.from(text)), expected, `bytes of ${JSON.stringify(text)}`);
  }
});

ends('a CRLF cut between two chunks is one CRLF; a CR ending the last chunk is a CR', () => {
  const tally = new LineEndTally();
  tally.add('a\r\nb\r');
  tally.add('\nc\r\n');
  assert.is(tally.result, 'crlf');
  const last = new LineEndTally();
  last.add('a\rb\r');
  assert.is(last.result, 'cr');
  const split = new LineEndTally();
  split.add('a\r');
  split.add('\nb\r\nc\n');
  assert.is(split.result, 'mixed');
  const cut = new LineEndTally();
  cut.add('a\r');
  cut.add('b\r');
  assert.is(cut.result, 'cr');
});

ends('the parts of a file read by two threads: one kind stays, two kinds are mixed', () => {
  assert.is(combineLineEnds('lf', 'lf'), 'lf');
  assert.is(combineLineEnds('crlf', 'none'), 'crlf');
  assert.is(combineLineEnds('none', 'cr'), 'cr');
  assert.is(combineLineEnds(undefined, 'lf'), 'lf');
  assert.is(combineLineEnds('lf', 'crlf'), 'mixed');
});

ends.run();
