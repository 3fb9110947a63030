import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { FactDefinition } from '../rules/rule-types.js';
import { compiledFact } from '../rules/compile-fact.js';
import type { Scope } from '../facts/scope.js';
import type { StreamAggregate } from '../facts/streamed-facts.js';
import { selectRecords } from '../facts/where.js';
import { AggregateKind } from './aggregate-kind.js';
import { updateWindow, windowResult } from './busiest-window.js';
import { pairsResult, updatePairs } from './close-pairs.js';
import { returnsResult, updateReturns } from './close-returns.js';
import { ConsumerColumns, setAt } from './consumer-columns.js';
import { countResult, extremeResult, updateCount, updateExtreme } from './count-aggregates.js';
import { compileLookups, compileRowTests, type RowLookup, type RowTest } from './row-filters.js';
import { remember } from './row-references.js';

/** One streamed fact (or streamed `for_each`) compiled against the snapshot: its row filter, and its groups' states. */
export class StreamConsumer extends ConsumerColumns {
  /** The join keys some rule will read (its entities come from a held table), or undefined: every key. Others' rows are skipped. */
  wanted?: ReadonlySet<string>;
  private readonly wantedBySlot: (boolean | undefined)[] = [];
  private readonly tests: readonly RowTest[];
  private readonly lookups: readonly RowLookup[];
  private readonly scope: { -readonly [K in keyof Scope]: Scope[K] };

  constructor(definition: FactDefinition, baseScope: Scope, entityKeys: boolean, later: boolean) {
    // The row filter is compiled before the aggregate is read: its errors come first.
    const { compiledWhere, join, lookups, compiledLookups: lookupQueries } = compiledFact(definition);
    const lookupNames = new Set(Object.keys(lookups));
    const compiledLookups = compileLookups(lookupQueries, lookupNames);
    const tests = compileRowTests(compiledWhere, join?.rowField, lookupNames, baseScope);
    super(definition, baseScope, entityKeys, later, join);
    this.lookups = compiledLookups;
    this.tests = tests;
    // `row` is in the literal: the scope keeps one shape, set on every row.
    this.scope = { ...baseScope, facts: { ...baseScope.facts }, row: undefined };
  }

  /** Takes one row, whose join key has slot `slot` (-1: no key; 0 for a consumer that is not joined). */
  accept(record: DataRecord, slot: number): void {
    if (slot < 0) return;
    if (this.wanted !== undefined) {
      let wanted = slot < this.wantedBySlot.length ? this.wantedBySlot[slot] : undefined;
      if (wanted === undefined) {
        wanted = this.wanted.has(this.keyOf(slot));
        setAt(this.wantedBySlot, slot, wanted);
      }
      if (!wanted) return;
    }
    const row = record.values;
    const scope = this.rowScope(row);
    for (const test of this.tests) if (!test(row, scope)) return;
    if (slot >= this.known.length || !this.known[slot]) this.open(slot);
    this.update(record, slot);
  }

  /** The scope of the row filters, with the row's lookups as facts: one object, pointed at each row (a fresh one cost more than the filter). */
  private rowScope(row: Readonly<Record<string, unknown>>): Scope {
    const scope = this.scope;
    scope.row = row;
    for (const lookup of this.lookups) {
      const key = lookup.key(scope);
      let found = lookup.memo.get(key);
      if (found === undefined) {
        found = selectRecords(lookup.from, lookup.where, scope)[0]?.values ?? null;
        remember(lookup.memo, key, found);
      }
      scope.facts[lookup.name] = found ?? undefined;
    }
    return scope;
  }

  private update(record: DataRecord, slot: number): void {
    // A switch on the kind fixed once: reading the fact's definition here (as many shapes as facts) cost more than the aggregation.
    switch (this.kind) {
      case AggregateKind.Keys:
        return;
      case AggregateKind.Pairs:
        return updatePairs(this, record, slot);
      case AggregateKind.Returns:
        return updateReturns(this, record, slot);
      case AggregateKind.Window:
        return updateWindow(this, record, slot);
      case AggregateKind.Min:
      case AggregateKind.Max:
        return updateExtreme(this, record, slot);
      default:
        return updateCount(this, record, slot);
    }
  }

  /** The aggregate of each group; evidence rows rebuilt from what the state kept. */
  results(): Map<string, StreamAggregate> {
    const results = new Map<string, StreamAggregate>();
    const exists = compiledFact(this.definition).kind === 'exists';
    for (const slot of this.order) {
      const key = this.keyOf(slot);
      switch (this.kind) {
        case AggregateKind.Pairs:
          results.set(key, pairsResult(this, slot));
          break;
        case AggregateKind.Returns:
          results.set(key, returnsResult(this, slot));
          break;
        case AggregateKind.Window:
          results.set(key, windowResult(this, slot, key));
          break;
        case AggregateKind.Min:
        case AggregateKind.Max:
          results.set(key, extremeResult(this, slot, key));
          break;
        default:
          results.set(key, countResult(this, slot, exists));
      }
    }
    return results;
  }
}
