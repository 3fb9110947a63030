import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { FactDefinition, WhereClause } from '../rules/rule-types.js';
import { isIsoDate, parseDuration, shiftDate } from '../util/dates.js';
import { deadlineOutcome, type DeadlineOutcome } from './deadline.js';
import { referencesIn, resolveValue } from './expressions.js';
import type { DerivedFact, Scope } from './scope.js';
import { keyPart } from '../util/memo-key.js';
import { compileWhere, selectRecords } from './where.js';
import { emptyAggregate, isStreamFact, joinOf } from './streamed-facts.js';


const AGGREGATES = ['count', 'count_distinct', 'exists', 'first', 'values', 'min', 'max'] as const;

/** Whether a fact aggregates the visited entity's own records (no `from`): it depends on the whole entity. */
export function readsOwnRecords(definition: FactDefinition): boolean {
  return typeof definition.from !== 'string' && AGGREGATES.some((kind) => kind in definition);
}

/**
 * Computes the facts a rule declares, in order (a fact may use the ones before it).
 * Returns the values by name and the facts marked `evidence: true` (whose records a finding cites).
 */
export function deriveFacts(
  definitions: Readonly<Record<string, FactDefinition>>,
  scope: Scope,
  precomputed?: ReadonlyMap<string, DerivedFact>,
): { values: Record<string, unknown>; evidence: DerivedFact[]; evidenceTotal: number } {
  // The facts kept as evidence: their records are read when a finding cites them.
  const evidence: DerivedFact[] = [];
  let evidenceTotal = 0;
  let entries = definitionEntries.get(definitions);
  if (!entries) {
    entries = Object.entries(definitions);
    definitionEntries.set(definitions, entries);
  }
  for (const [name, definition] of entries) {
    // Facts that do not depend on the entity are computed once per rule, not per entity.
    const fact = precomputed?.get(name) ?? memoizedFact(definition, scope);
    scope.facts[name] = fact.value;
    if (definition.evidence === true) {
      evidence.push(fact);
      evidenceTotal += fact.total ?? fact.records.length;
    }
  }
  return { values: scope.facts, evidence, evidenceTotal };
}

const definitionEntries = new WeakMap<object, [string, FactDefinition][]>();

/** References each definition reads, found once. */
const definitionReferences = new WeakMap<FactDefinition, string[]>();

/**
 * A fact computed once per distinct value of the references it reads: the end of the
 * convention for the 100,000 grants of one service is worked out once. Facts over the
 * entity's own records and streamed facts are not memoised.
 */
function memoizedFact(definition: FactDefinition, scope: Scope): DerivedFact {
  if (isStreamFact(definition) || readsOwnRecords(definition)) {
    return deriveFact(definition, scope);
  }
  let references = definitionReferences.get(definition);
  if (!references) {
    references = referencesIn(definition);
    definitionReferences.set(definition, references);
  }
  let key = '';
  for (const reference of references) {
    const value = resolveValue(reference, scope);
    key += keyPart(value);
  }
  const memo = scope.context.factMemo;
  let byKey = memo.get(definition);
  if (!byKey) {
    byKey = new Map();
    memo.set(definition, byKey);
  }
  let fact = byKey.get(key);
  if (!fact) {
    fact = deriveFact(definition, scope);
    if (byKey.size > 200_000) byKey.clear();
    byKey.set(key, fact);
  }
  return fact;
}

/** Computes one fact from its definition (see the `fact` definition in schemas/rule.schema.json). */
export function deriveFact(definition: FactDefinition, scope: Scope): DerivedFact {
  if (isStreamFact(definition)) return streamedFact(definition, scope);
  if ('value' in definition) return plain(resolveValue(definition.value, scope));
  if ('coalesce' in definition) {
    const candidates = resolveValue(definition.coalesce, scope) as unknown[];
    return plain(candidates.find((candidate) => candidate !== undefined && candidate !== null) ?? null);
  }
  if ('date' in definition) return plain(shiftedDate(definition.date as Record<string, string>, scope));
  if ('latest' in definition) return plain(extremeDate(resolveValue(definition.latest, scope) as unknown[], 1));
  if ('earliest' in definition) return plain(extremeDate(resolveValue(definition.earliest, scope) as unknown[], -1));
  if ('deadline' in definition) return plain(deadline(definition.deadline as Record<string, string>, scope));
  if ('normalize' in definition) {
    const spec = definition.normalize as { value: string; remove: string };
    const value = resolveValue(spec.value, scope);
    return plain(value === undefined || value === null ? value : String(value).replace(new RegExp(spec.remove, 'g'), ''));
  }
  return aggregate(definition, scope);
}

/** The join of each streamed fact (null: not joined), found once: it is read for every entity. */
const streamJoins = new WeakMap<FactDefinition, { rowField: string; recordField: string } | null>();

/** A fact over a streamed table: the aggregate of the entity's group, computed in the streaming pass. */
function streamedFact(definition: FactDefinition, scope: Scope): DerivedFact {
  let join = streamJoins.get(definition);
  if (join === undefined) {
    join = joinOf(definition.where as WhereClause | undefined) ?? null;
    streamJoins.set(definition, join);
  }
  const key = join ? scope.record?.[join.recordField] : '';
  const aggregates = scope.context.streams?.facts.get(definition);
  if (!aggregates) throw new Error('agrégats des traces non calculés');
  return (key === undefined || key === null ? undefined : aggregates.get(String(key))) ?? emptyAggregate(definition);
}

function plain(value: unknown): DerivedFact {
  return { value, records: [] };
}

function shiftedDate(spec: Record<string, string>, scope: Scope): string | null {
  const from = resolveValue(spec.from, scope);
  if (!isIsoDate(from)) return null;
  const by = spec.plus ?? spec.minus;
  if (by === undefined) return from;
  const duration = parseDuration(resolveValue(by, scope));
  if (!duration) return null;
  return shiftDate(from, duration, spec.plus !== undefined ? 1 : -1);
}

/** The latest (direction 1) or earliest (-1) of the dates given; absent ones are ignored. */
function extremeDate(values: readonly unknown[], direction: 1 | -1): string | null {
  const dates = values.filter(isIsoDate).sort();
  if (dates.length === 0) return null;
  return direction === 1 ? dates[dates.length - 1] : dates[0];
}

/** "X within delay" for a deadline fact: references resolved, then {@link deadlineOutcome}. */
function deadline(spec: Record<string, string>, scope: Scope): DeadlineOutcome {
  const done = spec.done === undefined ? undefined : resolveValue(spec.done, scope);
  return deadlineOutcome(resolveValue(spec.start, scope), resolveValue(spec.delay, scope), done, scope.context.asOf);
}

/** The aggregate a definition asks for, found once per definition (facts are derived per entity). */
const aggregateKinds = new WeakMap<FactDefinition, (typeof AGGREGATES)[number] | null>();

/** The present values of a field over records. */
function presentValues(records: readonly DataRecord[], field: unknown): unknown[] {
  const values: unknown[] = [];
  if (typeof field !== 'string') return values;
  for (const record of records) {
    const value = record.values[field];
    if (value !== undefined && value !== null) values.push(value);
  }
  return values;
}

function aggregate(definition: FactDefinition, scope: Scope): DerivedFact {
  const records = sourceRecords(definition, scope);
  let kind = aggregateKinds.get(definition);
  if (kind === undefined) {
    kind = AGGREGATES.find((name) => name in definition) ?? null;
    aggregateKinds.set(definition, kind);
  }
  const field = kind ? definition[kind] : undefined;
  const fieldValues = () => presentValues(records, field);
  switch (kind) {
    case 'count':
      return { value: records.length, records };
    case 'count_distinct':
      return { value: new Set(fieldValues()).size, records };
    case 'exists':
      return { value: records.length > 0, records };
    case 'first': {
      const first = records[0];
      const value = first === undefined ? null : typeof field === 'string' ? (first.values[field] ?? null) : first.values;
      return { value, records: first === undefined ? [] : [first] };
    }
    case 'values':
      return { value: [...new Set(fieldValues())].sort(), records };
    case 'min':
    case 'max': {
      const sorted = fieldValues().sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
      return { value: (kind === 'min' ? sorted[0] : sorted[sorted.length - 1]) ?? null, records };
    }
  }
  // Without an aggregate the fact is the list of records' values.
  return { value: records.map((record) => record.values), records };
}

/** `from` a source with `where`, or, without `from`, the entity's own records. */
function sourceRecords(definition: FactDefinition, scope: Scope): readonly DataRecord[] {
  const where = definition.where as WhereClause | undefined;
  if (typeof definition.from === 'string') return selectRecords(definition.from, where, scope);
  const own = scope.records ?? [];
  if (!where) return own;
  const test = ownRecordsTest(where, scope);
  return own.filter((record) => test(record.values));
}

/**
 * Predicates of `where` clauses that refer to nothing (`{profile: D3}`), compiled once per
 * evaluation instead of once per entity (a hundred thousand grants); their sub-queries and
 * dates depend only on the evaluation's snapshot and as-of date.
 */
const literalWheres = new WeakMap<WhereClause, { context: Scope['context']; test: (values: Readonly<Record<string, unknown>>) => boolean } | null>();

function ownRecordsTest(where: WhereClause, scope: Scope): (values: Readonly<Record<string, unknown>>) => boolean {
  let cached = literalWheres.get(where);
  if (cached === null) return compileWhere(where, scope);
  if (cached === undefined || cached.context !== scope.context) {
    if (referencesIn(where).length > 0) {
      literalWheres.set(where, null);
      return compileWhere(where, scope);
    }
    cached = { context: scope.context, test: compileWhere(where, scope) };
    literalWheres.set(where, cached);
  }
  return cached.test;
}
