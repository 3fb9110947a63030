import type { FactKindKey, FactKindName } from './fact-types.js';

/** What the machinery knows of one kind of fact. */
export interface FactKindInfo {
  readonly kind: FactKindName;
  /** Computed over a held table or the entity's records (src/facts/derive-facts.ts). */
  readonly held: boolean;
  /** Computed row by row over a streamed table (src/stream). */
  readonly streamed: boolean;
  /** Whether it reads records (`from`, `where`, the entity's own records) rather than values. */
  readonly readsRecords: boolean;
  /** What the fact's value is. */
  readonly yields: string;
}

/** Every kind of fact, in the order a definition's kind is looked for. */
export const FACT_KINDS: readonly FactKindInfo[] = [
  { kind: 'value', held: true, streamed: false, readsRecords: false, yields: 'the value, references resolved' },
  { kind: 'coalesce', held: true, streamed: false, readsRecords: false, yields: 'the first present value of the list' },
  { kind: 'date', held: true, streamed: false, readsRecords: false, yields: 'a date shifted by a duration' },
  { kind: 'latest', held: true, streamed: false, readsRecords: false, yields: 'the latest of the dates' },
  { kind: 'earliest', held: true, streamed: false, readsRecords: false, yields: 'the earliest of the dates' },
  { kind: 'deadline', held: true, streamed: false, readsRecords: false, yields: 'the outcome of a deadline (met, missed, pending)' },
  { kind: 'normalize', held: true, streamed: false, readsRecords: false, yields: 'a text with a pattern removed' },
  { kind: 'count', held: true, streamed: true, readsRecords: true, yields: 'the number of records' },
  { kind: 'count_distinct', held: true, streamed: false, readsRecords: true, yields: 'the number of distinct values of a field' },
  { kind: 'exists', held: true, streamed: true, readsRecords: true, yields: 'whether a record matches' },
  { kind: 'first', held: true, streamed: false, readsRecords: true, yields: "the first record's field, or its values" },
  { kind: 'values', held: true, streamed: false, readsRecords: true, yields: 'the sorted distinct values of a field' },
  { kind: 'min', held: true, streamed: true, readsRecords: true, yields: 'the least value of a field' },
  { kind: 'max', held: true, streamed: true, readsRecords: true, yields: 'the greatest value of a field' },
  { kind: 'close_pairs', held: false, streamed: true, readsRecords: true, yields: 'the number of close consecutive rows that differ' },
  { kind: 'close_returns', held: false, streamed: true, readsRecords: true, yields: 'the number of rows that go back to the value left less than a duration before' },
  { kind: 'busiest_window', held: false, streamed: true, readsRecords: true, yields: 'the most rows within a sliding window' },
  { kind: 'records', held: true, streamed: false, readsRecords: true, yields: "the records' values" },
];

/** The keys that name a kind (every kind but `records`, which names none). */
export const FACT_KIND_KEYS: readonly FactKindKey[] = FACT_KINDS.flatMap(({ kind }) => (kind === 'records' ? [] : [kind]));

const KIND_INFO = new Map<FactKindName, FactKindInfo>(FACT_KINDS.map((info) => [info.kind, info]));

/** The registry entry of a kind. */
export function factKindInfo(kind: FactKindName): FactKindInfo {
  return KIND_INFO.get(kind)!;
}

/** The kind keys a definition names: one for a valid fact, none for a record list. */
export function kindsNamed(definition: object): FactKindKey[] {
  return FACT_KIND_KEYS.filter((key) => key in definition);
}

/** The kind of a fact definition: the first kind key it names, or `records`. */
export function factKind(definition: object): FactKindName {
  for (const key of FACT_KIND_KEYS) if (key in definition) return key;
  return 'records';
}
