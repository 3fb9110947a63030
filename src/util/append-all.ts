/** Appends every item of `items` to `target`: `push(...items)` passes them as arguments and overflows the stack past about 120,000. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
