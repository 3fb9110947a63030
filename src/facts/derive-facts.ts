import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { FactDefinition } from '../rules/rule-types.js';
import { compiledFact, type CompiledFact } from '../rules/compile-fact.js';
import type { CompiledWhere } from '../rules/compile-where.js';
import type { DateFact, DeadlineFact } from '../rules/fact-types.js';
import { isIsoDate, parseDuration, shiftDate } from '../util/dates.js';
import { deadlineOutcome, type DeadlineOutcome } from './deadline.js';
import { resolveValue } from './expressions.js';
import { rulePattern } from '../rules/compile-regex.js';
import type { DerivedFact, Scope } from './scope.js';
import { keyPart } from '../util/memo-key.js';
import { compileWhere, selectRecords } from './where.js';
import type { StreamAggregate } from './streamed-facts.js';

/** Computes the facts a rule declares, in order (a fact may use those before it), with those marked `evidence: true`. */
export function deriveFacts(
  definitions: Readonly<Record<string, FactDefinition>>,
  scope: Scope,
  precomputed?: ReadonlyMap<string, DerivedFact>,
): { values: Record<string, unknown>; evidence: DerivedFact[]; evidenceTotal: number } {
  const evidence: DerivedFact[] = [];
  let evidenceTotal = 0;
  for (const name in definitions) {
    const definition = definitions[name];
    // Facts that do not depend on the entity are computed once per rule, not per entity.
    const fact = precomputed?.get(name) ?? memoizedFact(definition, compiledFact(definition), scope);
    scope.facts[name] = fact.value;
    if (definition.evidence === true) {
      evidence.push(fact);
      evidenceTotal += fact.total ?? fact.records.length;
    }
  }
  return { values: scope.facts, evidence, evidenceTotal };
}

/** A fact computed once per distinct value of the references it reads (but over own records or streamed). */
function memoizedFact(definition: FactDefinition, compiled: CompiledFact, scope: Scope): DerivedFact {
  if (compiled.streamed || compiled.ownRecords) return computeFact(definition, compiled, scope);
  let key = '';
  for (const reference of compiled.references) key += keyPart(resolveValue(reference, scope));
  const memo = scope.context.factMemo;
  let byKey = memo.get(definition);
  if (!byKey) {
    byKey = new Map();
    memo.set(definition, byKey);
  }
  let fact = byKey.get(key);
  if (!fact) {
    fact = computeFact(definition, compiled, scope);
    if (byKey.size > 200_000) byKey.clear();
    byKey.set(key, fact);
  }
  return fact;
}

/** Computes one fact from its definition (see the `fact` definition in schemas/rule.schema.json). */
export function deriveFact(definition: FactDefinition, scope: Scope): DerivedFact {
  return computeFact(definition, compiledFact(definition), scope);
}

function computeFact(definition: FactDefinition, compiled: CompiledFact, scope: Scope): DerivedFact {
  if (compiled.streamed) return streamedFact(definition, compiled, scope);
  switch (compiled.kind) {
    case 'value':
      return plain(resolveValue(definition.value, scope));
    case 'coalesce': {
      const candidates = resolveValue(definition.coalesce, scope) as unknown[];
      return plain(candidates.find((candidate) => candidate !== undefined && candidate !== null) ?? null);
    }
    case 'date':
      return plain(shiftedDate(definition.date!, scope));
    case 'latest':
      return plain(extremeDate(resolveValue(definition.latest, scope) as unknown[], 1));
    case 'earliest':
      return plain(extremeDate(resolveValue(definition.earliest, scope) as unknown[], -1));
    case 'deadline':
      return plain(deadline(definition.deadline!, scope));
    case 'normalize': {
      const spec = definition.normalize!;
      const value = resolveValue(spec.value, scope);
      return plain(value === undefined || value === null ? value : rulePattern(spec.remove).matcher(String(value)).replaceAll(''));
    }
  }
  return aggregate(compiled, scope);
}

/** A fact over a streamed table: the aggregate of the entity's group, computed in the streaming pass. */
function streamedFact(definition: FactDefinition, compiled: CompiledFact, scope: Scope): DerivedFact {
  const join = compiled.join;
  const key = join ? scope.record?.[join.recordField] : '';
  const aggregates = scope.context.streams?.facts.get(definition);
  if (!aggregates) throw new Error('agrégats des traces non calculés');
  return (key === undefined || key === null ? undefined : aggregates.get(String(key))) ?? emptyAggregate(compiled);
}

function emptyAggregate(compiled: CompiledFact): StreamAggregate {
  if (compiled.kind === 'exists') return { value: false, records: [], total: 0 };
  return { value: compiled.kind === 'min' || compiled.kind === 'max' ? null : 0, records: [], total: 0 };
}

function plain(value: unknown): DerivedFact {
  return { value, records: [] };
}

function shiftedDate(spec: DateFact['date'], scope: Scope): string | null {
  const from = resolveValue(spec.from, scope);
  if (!isIsoDate(from)) return null;
  const by = spec.plus ?? spec.minus;
  if (by === undefined) return from;
  const duration = parseDuration(resolveValue(by, scope));
  if (!duration) return null;
  return shiftDate(from, duration, spec.plus !== undefined ? 1 : -1);
}

function extremeDate(values: readonly unknown[], direction: 1 | -1): string | null {
  const dates = values.filter(isIsoDate).sort();
  if (dates.length === 0) return null;
  return direction === 1 ? dates[dates.length - 1] : dates[0];
}

/** "X within delay" for a deadline fact: references resolved, then {@link deadlineOutcome}. */
function deadline(spec: DeadlineFact['deadline'], scope: Scope): DeadlineOutcome {
  const done = spec.done === undefined ? undefined : resolveValue(spec.done, scope);
  return deadlineOutcome(resolveValue(spec.start, scope), resolveValue(spec.delay, scope), done, scope.context.asOf);
}

function presentValues(records: readonly DataRecord[], field: unknown): unknown[] {
  const values: unknown[] = [];
  if (typeof field !== 'string') return values;
  for (const record of records) {
    const value = record.values[field];
    if (value !== undefined && value !== null) values.push(value);
  }
  return values;
}

function aggregate(compiled: CompiledFact, scope: Scope): DerivedFact {
  const records = sourceRecords(compiled, scope);
  const { kind, field } = compiled;
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
  return { value: records.map((record) => record.values), records };
}

/** `from` a source with `where`, or, without `from`, the entity's own records. */
function sourceRecords(compiled: CompiledFact, scope: Scope): readonly DataRecord[] {
  const where = compiled.compiledWhere;
  if (compiled.from !== undefined) return selectRecords(compiled.from, where, scope);
  const own = scope.records ?? [];
  if (!where) return own;
  const test = compiled.whereIsLiteral ? literalWhereTest(where, scope) : compileWhere(where, scope);
  return own.filter((record) => test(record.values));
}

/** The test of a `where` that refers to nothing (`{profile: D3}`): compiled once per evaluation, not per entity. */
function literalWhereTest(where: CompiledWhere, scope: Scope): (values: Readonly<Record<string, unknown>>) => boolean {
  const tests = scope.context.literalWhereTests;
  let test = tests.get(where.clause);
  if (test === undefined) {
    test = compileWhere(where, scope);
    tests.set(where.clause, test);
  }
  return test;
}
