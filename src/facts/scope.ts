import type { DataRecord, Snapshot } from '../snapshot/snapshot-types.js';
import type { Lang } from '../i18n/lang.js';
import type { FactDefinition, WhereClause } from '../rules/rule-types.js';
import type { RecordIndex } from './record-index.js';
import type { StreamResults } from './streamed-facts.js';

/** A derived fact's value and the records it rests on (kept as evidence when the rule asks). */
export interface DerivedFact {
  readonly value: unknown;
  readonly records: readonly DataRecord[];
  /** How many records the value rests on when `records` keeps only the first (streamed facts). */
  readonly total?: number;
}

/** What every rule of one evaluation shares: the snapshot, the as-of date and caches. */
export interface EvaluationContext {
  readonly snapshot: Snapshot;
  readonly asOf: string;
  readonly lang: Lang;
  /** Facts of rules/_shared/facts.yaml, computed once per snapshot. */
  readonly sharedFacts: Record<string, unknown>;
  /** Reference data of rules/_data (`$data.countries.eu_eea`). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly index: RecordIndex;
  /** Fact values already computed, per definition, by the values of the references they read. */
  readonly factMemo: Map<FactDefinition, Map<string, DerivedFact>>;
  /** The tests of `where` clauses that refer to nothing, compiled once per evaluation (they read only the snapshot and D). */
  readonly literalWhereTests: Map<WhereClause, (values: Readonly<Record<string, unknown>>) => boolean>;
  readonly streams?: StreamResults;
}

/** What a reference (`$record.user_id`, `$param.max`, `$approvers`) is resolved against. */
export interface Scope {
  readonly context: EvaluationContext;
  readonly params: Readonly<Record<string, unknown>>;
  readonly record?: Readonly<Record<string, unknown>>;
  readonly records?: readonly DataRecord[];
  readonly subject?: { readonly type: string; readonly id: string };
  /** The streamed row being aggregated (`$row.facility_id`), in a trace where clause. */
  readonly row?: Readonly<Record<string, unknown>>;
  /** Facts of the rule computed so far, in declaration order. */
  readonly facts: Record<string, unknown>;
}
