import { getHeapStatistics } from 'node:v8';

/** `gc` when node exposes it (`--expose-gc`, which bin/vigie.js asks for; elsewhere, tests included, vigie never collects itself). */
function exposedGc(): (() => void) | undefined {
  return (globalThis as { gc?: () => void }).gc;
}

/**
 * A full garbage collection at the turn between two phases of a large check. The rules
 * evaluated before the traces are read leave tens of megabytes of lists that lived long enough
 * to reach V8's old generation; left there, they are collected only when that generation has
 * grown to about twice what it holds alive, and both threads of `vigie check` reach their
 * peaks together. Collected at the turn, they are not part of the peak: at a million traces,
 * 295–320 MiB instead of 314–330 for the same time (alternate runs, 5 each), about 20 ms a call.
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
