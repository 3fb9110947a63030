import type { WhereClause } from './rule-definition.js';

/** A where clause analysed once, when its rule is compiled: its entries in order, and its `not_exists` sub-query compiled too. */
export interface CompiledWhere {
  readonly clause: WhereClause;
  /** `Object.entries(clause)`, `not_exists` included at its place. */
  readonly entries: readonly (readonly [string, unknown])[];
  readonly notExists: CompiledSubQuery | undefined;
}

/** The records of `from` that match `where` (not_exists, lookups), compiled. */
export interface CompiledSubQuery {
  readonly from: string;
  readonly where: CompiledWhere | undefined;
}

/** Compiles a where clause (see CompiledWhere); undefined for none. */
export function compileWhereClause(clause: WhereClause | undefined): CompiledWhere | undefined {
  if (!clause) return undefined;
  const query = clause.not_exists;
  return { clause, entries: Object.entries(clause), notExists: typeof query === 'object' && query !== null ? compileSubQuery(query) : undefined };
}

/** Compiles a sub-query (see CompiledSubQuery). */
export function compileSubQuery(query: { readonly from: string; readonly where?: WhereClause }): CompiledSubQuery {
  return { from: query.from, where: compileWhereClause(query.where) };
}
