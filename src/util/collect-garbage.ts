import { getHeapStatistics } from 'node:v8';

/** `gc` when node exposes it (`--expose-gc`, which bin/vigie.js asks for; elsewhere, tests included, vigie never collects itself). */
function exposedGc(): (() => void) | undefined {
  return (globalThis as { gc?: () => void }).gc;
}

// vigie collects its garbage itself where the peak of its memory is decided: V8 collects its
// old generation once it has grown to about twice what it holds alive, and the lists the rules
// leave there, or what a pass over the traces leaves, then waited while both threads of
// `vigie check` reached their peaks together. Calls cost about 20 ms each at a million traces.

/**
 * A full garbage collection, now: the worker's, once its part is read and its tables are no
 * longer needed, before its state is serialized while the main thread is at its own peak.
 */
export function collectGarbage(): void {
  exposedGc()?.();
}

/**
 * Keeps the heap within `budget` bytes of what it holds alive, between the rules: their entity
 * lists (an array per group of 100,000 grants) outlive V8's young generation and then wait in
 * the old one, which V8 collects once it has doubled, sometimes late while the other thread
 * reads the traces: the main thread then held 150–168 MB during the rules, against 110–125
 * when they are read. The budget starts from a collection (what the tables hold) when the
 * heap is already larger than it; the lowest heap seen since, after V8's own collections,
 * becomes the new mark.
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
