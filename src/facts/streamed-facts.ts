import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { FactDefinition, Rule } from '../rules/rule-types.js';

/** The aggregate of one group (one entity) of a streamed fact. */
export interface StreamAggregate {
  readonly value: unknown;
  /** At most EVIDENCE_LIMIT records the value rests on. */
  readonly records: readonly DataRecord[];
  /** How many records the value rests on in all. */
  readonly total: number;
}

/** Streamed facts and streamed entities, by definition, then by group key (`''` when not joined). */
export interface StreamResults {
  readonly facts: Map<FactDefinition, Map<string, StreamAggregate>>;
  /** Entity keys of `for_each` over a streamed table, in order of first appearance. */
  readonly entities: Map<Rule, string[]>;
  /** Rules that could not be aggregated (traces out of order for a sequence aggregate), with the reason. */
  readonly failures: Map<Rule, string>;
}
