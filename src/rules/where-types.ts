/** The operator object of a where entry (`{before: $as_of}`, `{in: [a, b]}`…). */
export interface WhereOperators {
  readonly in?: readonly unknown[];
  readonly not_in?: readonly unknown[];
  readonly not?: unknown;
  readonly present?: boolean;
  readonly before?: string;
  readonly on_or_before?: string;
  readonly after?: string;
  readonly on_or_after?: string;
  readonly equals_text?: string;
  /** This field (the later event) missed the deadline `start` field + `delay`. */
  readonly missed_deadline?: { readonly start: string; readonly delay: string };
}

/** A sub-query: the records of `from` that match `where` (not_exists, lookups). */
export interface SubQuery {
  readonly from: string;
  readonly where?: TypedWhereClause;
}

/** What a where entry expects of its field: a value, one of a list, a `$reference`, or operators. */
export type WhereExpectation = string | number | boolean | null | readonly unknown[] | WhereOperators;

/** Field → expectation; `active_at: DATE` keeps grants active at that date; `not_exists` holds when no record of its sub-query matches. */
export interface TypedWhereClause {
  readonly not_exists?: SubQuery;
  readonly [field: string]: WhereExpectation | SubQuery | undefined;
}
