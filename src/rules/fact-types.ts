import type { SubQuery, TypedWhereClause } from './where-types.js';

/** The keys that name a fact's kind; a definition names exactly one, or none (a record list). */
export type FactKindKey =
  | 'value'
  | 'coalesce'
  | 'date'
  | 'latest'
  | 'earliest'
  | 'deadline'
  | 'normalize'
  | 'count'
  | 'count_distinct'
  | 'exists'
  | 'first'
  | 'values'
  | 'min'
  | 'max'
  | 'close_pairs'
  | 'close_returns'
  | 'busiest_window';

/** The kind of a fact: its kind key, or `records` for the list of records without aggregate. */
export type FactKindName = FactKindKey | 'records';

/** The other kind keys are absent: a definition naming two kinds is a rule error (load-rules.ts). */
type Only<K extends FactKindKey> = { readonly [Other in Exclude<FactKindKey, K>]?: never };

interface Common {
  readonly evidence?: boolean;
}

interface Valued extends Common {
  readonly from?: never;
  readonly where?: never;
  readonly lookups?: never;
}

/** The records a fact reads: `from` a table filtered by `where`, or the entity's own records. */
interface Source extends Common {
  readonly from?: string;
  readonly where?: TypedWhereClause;
  /** Over a streamed table: records found from each row, read as `$NAME.field` in the row filter. */
  readonly lookups?: Readonly<Record<string, SubQuery>>;
}

export interface ValueFact extends Valued, Only<'value'> {
  readonly value: unknown;
}
export interface CoalesceFact extends Valued, Only<'coalesce'> {
  readonly coalesce: readonly unknown[];
}
export interface DateFact extends Valued, Only<'date'> {
  readonly date: { readonly from: string; readonly plus?: string; readonly minus?: string };
}
export interface LatestFact extends Valued, Only<'latest'> {
  readonly latest: readonly string[];
}
export interface EarliestFact extends Valued, Only<'earliest'> {
  readonly earliest: readonly string[];
}
export interface DeadlineFact extends Valued, Only<'deadline'> {
  readonly deadline: { readonly start: string; readonly delay: string; readonly done?: string };
}
export interface NormalizeFact extends Valued, Only<'normalize'> {
  readonly normalize: { readonly value: string; readonly remove: string };
}
export interface CountFact extends Source, Only<'count'> {
  readonly count: true;
}
export interface CountDistinctFact extends Source, Only<'count_distinct'> {
  readonly count_distinct: string;
}
export interface ExistsFact extends Source, Only<'exists'> {
  readonly exists: true;
}
/** The first record's field, or its whole values (`first: true`). */
export interface FirstFact extends Source, Only<'first'> {
  readonly first: string | boolean;
}
export interface ValuesFact extends Source, Only<'values'> {
  readonly values: string;
}
export interface MinFact extends Source, Only<'min'> {
  readonly min: string;
}
export interface MaxFact extends Source, Only<'max'> {
  readonly max: string;
}
/** Streamed, per group in time order: consecutive rows whose `differ` changes less than `within` apart. */
export interface ClosePairsFact extends Source, Only<'close_pairs'> {
  readonly from: string;
  readonly close_pairs: { readonly order_by: string; readonly differ: string; readonly within: string };
}
/** Streamed, per group in time order: the rows that go back to the value of the run before the current one less than `within` after it (A, B, A). */
export interface CloseReturnsFact extends Source, Only<'close_returns'> {
  readonly from: string;
  readonly close_returns: { readonly order_by: string; readonly differ: string; readonly within: string };
}
/** Streamed, per group in time order: the most rows within a sliding window of length `within`. */
export interface BusiestWindowFact extends Source, Only<'busiest_window'> {
  readonly from: string;
  readonly busiest_window: { readonly order_by: string; readonly within: string };
}
/** No aggregate: the values of the records selected. */
export interface RecordsFact extends Source, Only<never> {}

/** A fact definition of schemas/rule.schema.json, one interface per kind. */
export type TypedFactDefinition =
  | ValueFact
  | CoalesceFact
  | DateFact
  | LatestFact
  | EarliestFact
  | DeadlineFact
  | NormalizeFact
  | CountFact
  | CountDistinctFact
  | ExistsFact
  | FirstFact
  | ValuesFact
  | MinFact
  | MaxFact
  | ClosePairsFact
  | CloseReturnsFact
  | BusiestWindowFact
  | RecordsFact;
