import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GarbageBudget } from '../../src/util/collect-garbage.js';

// GarbageBudget collects when the heap grew by more than its budget over the lowest size seen
// since its last collection, and only then.

const budget = suite('garbage budget');

/** A heap whose garbage a collection frees: `live` stays, `garbage` goes. */
function fakeHeap(live: number, garbage: number) {
  const heap = {
    live,
    garbage,
    collections: 0,
    used: () => heap.live + heap.garbage,
    collect: () => {
      heap.collections++;
      heap.garbage = 0;
    },
  };
  return heap;
}

budget('a heap within its budget is left alone, from the start on', () => {
  const heap = fakeHeap(10, 20);
  const within = new GarbageBudget(48, heap);
  assert.is(heap.collections, 0);
  heap.garbage += 40;
  within.check();
  assert.is(heap.collections, 0);
});

budget('a heap already past its budget is collected first; then once it grows past it again', () => {
  const heap = fakeHeap(40, 45);
  const over = new GarbageBudget(32, heap);
  assert.is(heap.collections, 1);
  heap.garbage = 32;
  over.check();
  assert.is(heap.collections, 1);
  heap.garbage = 33;
  over.check();
  assert.is(heap.collections, 2);
  assert.is(heap.used(), 40);
});

budget("V8's own collections lower the mark: the budget counts from the lowest heap seen", () => {
  const heap = fakeHeap(10, 20);
  const marks = new GarbageBudget(32, heap);
  assert.is(heap.collections, 0);
  // V8 collected on its own: 30 → 10; 30 more stay within the budget from 10...
  heap.garbage = 0;
  marks.check();
  heap.garbage = 30;
  marks.check();
  assert.is(heap.collections, 0);
  // ...and 33 more do not (counted from 30, the size at the start, they would have).
  heap.garbage = 33;
  marks.check();
  assert.is(heap.collections, 1);
});

budget.run();
