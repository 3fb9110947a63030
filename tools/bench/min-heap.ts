/** A binary min-heap ordered by `key`; ties keep no particular order, but a deterministic one. */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly key: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (this.key(items[parent]) <= this.key(items[child])) break;
      [items[parent], items[child]] = [items[child], items[parent]];
      child = parent;
    }
  }

  /** Restores the order after the top item's key grew. */
  siftTop(): void {
    const items = this.items;
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < items.length && this.key(items[left]) < this.key(items[smallest])) smallest = left;
      if (right < items.length && this.key(items[right]) < this.key(items[smallest])) smallest = right;
      if (smallest === parent) return;
      [items[parent], items[smallest]] = [items[smallest], items[parent]];
      parent = smallest;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.siftTop();
    }
    return top;
  }
}
