import { getHeapStatistics } from 'node:v8';

/** `gc` when node exposes it (bin/vigie.js asks for `--expose-gc`; tests do not). */
function exposedGc(): (() => void) | undefined {
  return (globalThis as { gc?: () => void }).gc;
}

// vigie collects where its memory peaks are decided: left to V8, the old generation doubles
// before a collection, often while both threads peak (docs/PERFORMANCE.md).

/** A full collection now: the worker's, before it serializes its state while the main thread peaks. */
export function collectGarbage(): void {
  exposedGc()?.();
}

/** Keeps the heap within `budget` bytes of what it holds alive; the lowest heap seen is the mark. */
export class GarbageBudget {
  private base: number;

  constructor(
    private readonly budget: number,
    /** The heap's used size and its collector (tests give their own). */
    private readonly heap: { used(): number; collect: (() => void) | undefined } = { used: usedHeap, collect: exposedGc() },
  ) {
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
