/** A set of value tuples of one length through one map per position (values compared as Map keys): no key text to build and hash per entity. */
export class ValueTuples {
  private readonly root = new Map<unknown, unknown>();
  /** Whether the empty tuple was added (a decision that reads no field of the record). */
  private empty = false;

  /** Whether these values were added, in this order. */
  has(values: readonly unknown[]): boolean {
    if (values.length === 0) return this.empty;
    let level: unknown = this.root;
    for (const value of values) {
      level = (level as Map<unknown, unknown>).get(value);
      if (level === undefined) return false;
    }
    return true;
  }

  /** Adds a tuple of values. */
  add(values: readonly unknown[]): void {
    if (values.length === 0) this.empty = true;
    let level = this.root;
    values.forEach((value, position) => {
      let next = level.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        // The last position's map only marks the tuple present.
        level.set(value, position === values.length - 1 ? true : next);
      }
      level = next;
    });
  }
}
