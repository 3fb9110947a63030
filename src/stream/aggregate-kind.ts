import type { FactDefinition } from '../rules/rule-types.js';

/** What a streamed fact aggregates (`count` and `exists` both count rows; Keys: the groups a `for_each` visits, no state). */
export const enum AggregateKind {
  Keys,
  Count,
  Min,
  Max,
  Pairs,
  Window,
}

/** The aggregate of a streamed fact; the aggregates a pass cannot compute row by row make the rule not evaluated, never a count. */
export function aggregateKind(definition: FactDefinition): AggregateKind {
  if (definition.close_pairs) return AggregateKind.Pairs;
  if (definition.busiest_window) return AggregateKind.Window;
  if (definition.min !== undefined) return AggregateKind.Min;
  if (definition.max !== undefined) return AggregateKind.Max;
  const unsupported = ['count_distinct', 'first', 'values'].find((kind) => kind in definition);
  if (unsupported) throw new Error(`agrégat « ${unsupported} » impossible sur une table lue en flux (${String(definition.from)})`);
  return AggregateKind.Count;
}
