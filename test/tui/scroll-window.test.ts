import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { keepInView } from '../../src/tui/scroll-window.js';

const scroll = suite('scroll-window');

scroll('the window moves only when the wanted rows leave it', () => {
  assert.is(keepInView(0, 5, 5, 10, 100), 0);
  assert.is(keepInView(0, 10, 10, 10, 100), 1);
  assert.is(keepInView(20, 12, 13, 10, 100), 12);
  assert.is(keepInView(20, 25, 25, 10, 100), 20);
});

scroll('the window never runs past either end', () => {
  assert.is(keepInView(95, 99, 99, 10, 100), 90);
  assert.is(keepInView(0, 3, 3, 10, 5), 0);
  assert.is(keepInView(-4, 0, 0, 10, 100), 0);
});

scroll('a heading and its first finding come into view together', () => {
  assert.is(keepInView(8, 6, 7, 10, 100), 6);
});

scroll.run();
