import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { FactDefinition, Rule, WhereClause } from '../rules/rule-types.js';
import { STREAMED_SOURCES } from '../snapshot/table-schemas.js';

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

/** Whether a fact reads a streamed table. */
export function isStreamFact(definition: FactDefinition): boolean {
  return typeof definition.from === 'string' && STREAMED_SOURCES.has(definition.from);
}

/** The `where` entry that ties rows to the visited entity (`user_id: $record.user_id`), if any. */
export function joinOf(where: WhereClause | undefined): { rowField: string; recordField: string } | undefined {
  for (const [field, expected] of Object.entries(where ?? {})) {
    if (typeof expected === 'string' && expected.startsWith('$record.')) return { rowField: field, recordField: expected.slice('$record.'.length) };
  }
  return undefined;
}

/** The aggregate a streamed fact yields for a group that saw no row. */
export function emptyAggregate(definition: FactDefinition): StreamAggregate {
  if (definition.exists) return { value: false, records: [], total: 0 };
  if (definition.min !== undefined || definition.max !== undefined) return { value: null, records: [], total: 0 };
  return { value: 0, records: [], total: 0 };
}
