import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cellText } from '../../src/snapshot/cell-text.js';

test('cellText trims what String.prototype.trim trims, around unquoted cells only', () => {
  const samples = ['', ' ', 'a', ' a', 'a ', '\ta\t', ' \t a b \r', '\u00a0a\u202f', '\ufeffa', '\u3000 a \u2028', 'a\u00a0b'];
  for (const sample of samples) {
    assert.is(cellText(sample, false), sample.trim(), JSON.stringify(sample));
    assert.is(cellText(sample, true), sample, JSON.stringify(sample));
  }
});

test('cellText returns the cell itself when there is nothing to trim', () => {
  const cell = 'U001';
  assert.ok(Object.is(cellText(cell, false), cell));
});

test.run();
