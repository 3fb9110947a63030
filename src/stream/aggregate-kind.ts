import type { FactDefinition } from '../rules/rule-types.js';
import { compiledFact } from '../rules/compile-fact.js';

/** What a streamed fact aggregates (`count` and `exists` both count rows; Keys: the groups a `for_each` visits, no state). */
export const enum AggregateKind {
  Keys,
  Count,
  Min,
  Max,
  Pairs,
  Returns,
  Window,
}

/** The aggregate of a streamed fact; the aggregates a pass cannot compute row by row make the rule not evaluated, never a count. */
export function aggregateKind(definition: FactDefinition): AggregateKind {
  const { kind } = compiledFact(definition);
  switch (kind) {
    case 'close_pairs':
      return AggregateKind.Pairs;
    case 'close_returns':
      return AggregateKind.Returns;
    case 'busiest_window':
      return AggregateKind.Window;
    case 'min':
      return AggregateKind.Min;
    case 'max':
      return AggregateKind.Max;
    case 'count_distinct':
    case 'first':
    case 'values':
      throw new Error(`agrégat « ${kind} » impossible sur une table lue en flux (${String(definition.from)})`);
    default:
      return AggregateKind.Count;
  }
}
