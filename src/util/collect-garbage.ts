import { getHeapStatistics } from 'node:v8';

/** `gc` when node exposes it (`--expose-gc`, which bin/vigie.js asks for; elsewhere, tests included, vigie never collects itself). */
function exposedGc(): (() => void) | undefined {
  return (globalThis as { gc?: () => void }).gc;
}

// vigie collects where its memory peaks are decided: left to V8, the old generation doubles
// before a collection, often while both threads peak (docs/PERFORMANCE.md).

/**
 * A full garbage collection, now: the worker's, once its part is read and its tables are no
 * longer needed, before its state is serialized while the main thread is at its own peak.
 */
export function collectGarbage(): void {
  exposedGc()?.();
}

/**
 * Keeps the heap within `budget` bytes of what it holds alive (between the rules, during a
 * pass). It starts from a collection when the heap is already past the budget; the lowest heap
 * seen since, after V8's own collections, becomes the new mark.
 */
export class GarbageBudget {
  private base: number;

  constructor(
    private readonly budget: number,
    /** The heap's used size and its collector (tests give their own). */
    private readonly heap: { used(): number; collect: (() => void) | undefined } = { used: usedHeap, collect: exposedGc() },
  ) {
    // A heap still within the budget (a small snapshot) is left alone.
    if (heap.used() > budget) heap.collect?.();
    this.base = heap.used();
  }

  check(): void {
    const { heap } = this;
    if (!heap.collect) return;
    const used = heap.used();
    if (used < this.base) this.base = used;
    if (used - this.base <= this.budget) return;
    heap.collect();
    this.base = heap.used();
  }
}

function usedHeap(): number {
  return getHeapStatistics().used_heap_size;
}
