import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { CompiledSubQuery } from '../rules/compile-where.js';
import { isIsoDate } from '../util/dates.js';
import { fieldValue, isReference, referencesIn } from '../facts/expressions.js';
import type { Scope } from '../facts/scope.js';
import { activeWithin, fieldMatches, grantDate, NOT_EXISTS, selectRecords } from '../facts/where.js';
import { compileReference, memoKeyOf, remember } from './row-references.js';

/** The candidates of one value of a `not_exists` index field, and their values that the tests read, `width` per candidate. */
interface Projection {
  readonly records: readonly DataRecord[];
  readonly cells: readonly unknown[];
}

/** A `not_exists` sub-query run for each row: the first equality through the index, the rest on the row's values; other clauses take selectRecords, memoised. */
export function compileNotExists(query: CompiledSubQuery, lookupNames: ReadonlySet<string>, asOf: string): (row: Readonly<Record<string, unknown>>, scope: Scope) => boolean {
  const entries = query.where?.entries ?? [];
  const direct = (expected: unknown) => isReference(expected) || (expected !== null && typeof expected !== 'object');
  const indexAt = entries.findIndex(([field, expected]) => field !== 'active_at' && field !== NOT_EXISTS && direct(expected));
  const simple = entries.every(([field, expected]) => field !== NOT_EXISTS && (direct(expected) || (Array.isArray(expected) && expected.every(direct))));
  if (indexAt < 0 || !simple) {
    const keyOf = memoKeyOf(referencesIn(query.where?.clause), lookupNames);
    const memo = new Map<unknown, boolean>();
    return (_row, scope) => {
      const key = keyOf(scope);
      let none = memo.get(key);
      if (none === undefined) {
        none = selectRecords(query.from, query.where, scope).length === 0;
        remember(memo, key, none);
      }
      return none;
    };
  }
  // Not selectRecords per row: it resolves the clause and allocates per call, and it reads a list given to `active_at` as no date where this reads its first item.
  const reader = (expected: unknown) => (isReference(expected) ? compileReference(expected, lookupNames) : () => expected);
  const [indexField, indexExpected] = entries[indexAt];
  const indexValue = reader(indexExpected);
  // The other conditions: the values they compare with are read once per row, then each candidate record is tested against them.
  const tests = entries
    .filter((_, position) => position !== indexAt)
    .map(([field, expected]) => ({
      field,
      kind: field === 'active_at' ? ('active' as const) : Array.isArray(expected) ? ('in' as const) : ('match' as const),
      readers: (Array.isArray(expected) ? expected : [expected]).map(reader),
      current: [] as unknown[],
    }));
  // Each value's candidates projected once on what the tests read (an `in`'s field, an `active_at`'s dates) into one array.
  const width = tests.reduce((sum, test) => sum + (test.kind === 'active' ? 2 : 1), 0);
  const projections = new Map<unknown, Projection>();
  // An array of the cells' exact size: one per user lives through the pass (push grows to 17).
  const project = (candidates: readonly DataRecord[]): Projection => {
    const cells: unknown[] = new Array(candidates.length * width);
    let cell = 0;
    for (const record of candidates) {
      const values = record.values;
      for (const test of tests) {
        if (test.kind === 'active') {
          cells[cell++] = grantDate(values.granted_on);
          cells[cell++] = grantDate(values.revoked_on);
        } else cells[cell++] = test.kind === 'in' ? fieldValue(values, test.field) : undefined;
      }
    }
    return { records: candidates, cells };
  };
  let byValue: ReadonlyMap<unknown, readonly DataRecord[]> | undefined;
  return (_row, scope) => {
    const value = indexValue(scope);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      // An absent value equals nothing; another shape is the general path's to judge.
      return value === undefined || value === null ? true : selectRecords(query.from, query.where, scope).length === 0;
    }
    let projection = projections.get(value);
    if (projection === undefined) {
      byValue ??= scope.context.index.fieldIndex(query.from, indexField);
      projection = project(byValue.get(value) ?? []);
      remember(projections, value, projection);
    }
    const { records, cells } = projection;
    if (records.length === 0) return true;
    for (const test of tests) for (let item = 0; item < test.readers.length; item++) test.current[item] = test.readers[item](scope);
    search: for (let candidate = 0; candidate < records.length; candidate++) {
      let cell = candidate * width;
      for (const test of tests) {
        if (test.kind === 'active') {
          const date = test.current[0];
          const granted = cells[cell] as string | undefined;
          const revoked = cells[cell + 1] as string | undefined;
          cell += 2;
          if (!isIsoDate(date) || !activeWithin(granted, revoked, date)) continue search;
        } else if (test.kind === 'in') {
          // Membership as Array.prototype.includes decides it (an absent item matches an absent field).
          const field = cells[cell++];
          let found = false;
          for (const expected of test.current) {
            if (expected === field || (expected !== expected && field !== field)) {
              found = true;
              break;
            }
          }
          if (!found) continue search;
        } else {
          cell++;
          if (!fieldMatches(records[candidate].values, test.field, test.current[0], asOf)) continue search;
        }
      }
      return false;
    }
    return true;
  };
}
