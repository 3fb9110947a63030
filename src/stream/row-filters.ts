import type { CompiledSubQuery, CompiledWhere } from '../rules/compile-where.js';
import { referencesIn } from '../facts/expressions.js';
import type { Scope } from '../facts/scope.js';
import { compileFieldMatcher, NOT_EXISTS, resolveExpected } from '../facts/where.js';
import { compileNotExists } from './not-exists.js';
import { isRowDependent, memoKeyOf, remember } from './row-references.js';

/** A test a row must pass to be aggregated. */
export type RowTest = (row: Readonly<Record<string, unknown>>, scope: Scope) => boolean;

/** A lookup of a streamed fact (`lookups: {facility: {from, where}}`): the record its `where` selects for the row, memoised on what it reads. */
export interface RowLookup {
  readonly name: string;
  readonly from: string;
  readonly where: CompiledWhere | undefined;
  readonly key: (scope: Scope) => unknown;
  readonly memo: Map<unknown, unknown>;
}

/** The lookups of a streamed fact, compiled. */
export function compileLookups(lookups: Readonly<Record<string, CompiledSubQuery>>, lookupNames: ReadonlySet<string>): RowLookup[] {
  return Object.entries(lookups).map(([name, lookup]) => ({
    name,
    from: lookup.from,
    where: lookup.where,
    key: memoKeyOf(referencesIn(lookup.where?.clause), lookupNames),
    memo: new Map(),
  }));
}

/** The tests of a streamed fact's `where`, but for its join field (`joinField`), which the pass resolves itself. */
export function compileRowTests(where: CompiledWhere | undefined, joinField: string | undefined, lookupNames: ReadonlySet<string>, baseScope: Scope): RowTest[] {
  return (where?.entries ?? [])
    .filter(([field]) => field !== joinField)
    .map(([field, expected]) => (field === NOT_EXISTS ? compileNotExists(where!.notExists!, lookupNames, baseScope.context.asOf) : compileRowTest(field, expected, lookupNames, baseScope)));
}

/** A row predicate; static operands are resolved once, those naming `$row` or a lookup once per distinct value. */
function compileRowTest(field: string, expected: unknown, lookupNames: ReadonlySet<string>, baseScope: Scope): RowTest {
  const asOf = baseScope.context.asOf;
  const references = referencesIn(expected);
  if (references.some((reference) => isRowDependent(reference, lookupNames))) {
    // Memoised per distinct value of the references (a person's departure date): the matcher is compiled once per value.
    const keyOf = memoKeyOf(references, lookupNames);
    const memo = new Map<unknown, (row: Readonly<Record<string, unknown>>) => boolean>();
    return (row, scope) => {
      const key = keyOf(scope);
      let matcher = memo.get(key);
      if (matcher === undefined) {
        matcher = compileFieldMatcher(field, resolveExpected(expected, scope), asOf);
        remember(memo, key, matcher);
      }
      return matcher(row);
    };
  }
  const matcher = compileFieldMatcher(field, resolveExpected(expected, baseScope), asOf);
  return (row) => matcher(row);
}

