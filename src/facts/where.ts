import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { CompiledWhere } from '../rules/compile-where.js';
import { isIsoDate } from '../util/dates.js';
import { normalizeText } from '../util/text.js';
import { deadlineOutcome } from './deadline.js';
import { fieldValue, resolveValue } from './expressions.js';
import type { Scope } from './scope.js';

/** The where-clause key that names a sub-query no record may match (`not_exists: {from, where}`). */
export const NOT_EXISTS = 'not_exists';

/** The fields `active_at` reads, which a rule does not name (activeAt, and not_exists projections). */
export const ACTIVE_AT_FIELDS: readonly string[] = ['granted_on', 'revoked_on'];

/** Grant activity: active at D when `granted_on <= D` and `revoked_on` is empty or after D. */
export function activeAt(values: Readonly<Record<string, unknown>>, date: unknown): boolean {
  return isIsoDate(date) && activeWithin(grantDate(values.granted_on), grantDate(values.revoked_on), date);
}

/** A grant date as activity reads it: an invalid grant date is never active, an invalid revocation date is no end. */
export function grantDate(value: unknown): string | undefined {
  return isIsoDate(value) ? value : undefined;
}

/** Whether a grant of these dates (checked by grantDate) is active at an ISO date. */
export function activeWithin(granted: string | undefined, revoked: string | undefined, date: string): boolean {
  return granted !== undefined && granted <= date && (revoked === undefined || revoked > date);
}

const NO_ENTRIES: CompiledWhere['entries'] = [];

/** Filters the records of `from` with a compiled where clause, a hash index serving the first equality; run for every entity, so it builds no closures. */
export function selectRecords(from: string, where: CompiledWhere | undefined, scope: Scope): readonly DataRecord[] {
  const index = scope.context.index;
  const entries = where === undefined ? NO_ENTRIES : where.entries;
  let candidates: readonly DataRecord[] | undefined;
  let indexedAt = -1;
  for (let position = 0; position < entries.length; position++) {
    const [field, expected] = entries[position];
    if (field === 'active_at' || field === NOT_EXISTS) continue;
    const value = resolveValue(expected, scope);
    if (isScalar(value)) {
      candidates = index.lookup(from, field, value);
      indexedAt = position;
      break;
    }
  }
  candidates ??= index.records(from);
  if (entries.length === (indexedAt >= 0 ? 1 : 0) || candidates.length === 0) return candidates;
  const asOf = scope.context.asOf;
  const fields: string[] = [];
  const expectations: unknown[] = [];
  for (let position = 0; position < entries.length; position++) {
    if (position === indexedAt) continue;
    const [field, expected] = entries[position];
    if (field === NOT_EXISTS) {
      const query = where!.notExists!;
      if (selectRecords(query.from, query.where, scope).length > 0) return [];
      continue;
    }
    fields.push(field);
    expectations.push(resolveExpected(expected, scope));
  }
  // Indexed loops: destructuring [field, expected] allocated an iterator result per test and record (docs/PERFORMANCE.md).
  const selected: DataRecord[] = [];
  for (let at = 0; at < candidates.length; at++) {
    const record = candidates[at];
    let matches = true;
    for (let test = 0; test < fields.length; test++) {
      if (!fieldMatches(record.values, fields[test], expectations[test], asOf)) {
        matches = false;
        break;
      }
    }
    if (matches) selected.push(record);
  }
  return selected;
}

/** Turns a where clause (compiled with its rule) into a predicate over record values; references are resolved once. */
export function compileWhere(where: CompiledWhere | undefined, scope: Scope): (values: Readonly<Record<string, unknown>>) => boolean {
  const tests = (where === undefined ? NO_ENTRIES : where.entries).map(([field, expected]) => {
    if (field === NOT_EXISTS) {
      const query = where!.notExists!;
      const none = selectRecords(query.from, query.where, scope).length === 0;
      return () => none;
    }
    const resolved = resolveExpected(expected, scope);
    const asOf = scope.context.asOf;
    return (values: Readonly<Record<string, unknown>>) => fieldMatches(values, field, resolved, asOf);
  });
  return (values) => tests.every((test) => test(values));
}

/** Resolves the references of a where value: the value itself, a list's items, an operator object's operands. */
export function resolveExpected(expected: unknown, scope: Scope): unknown {
  const resolved = resolveValue(expected, scope);
  if (resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) return resolved;
  const operators: Record<string, unknown> = {};
  for (const [operator, operand] of Object.entries(resolved)) {
    operators[operator] =
      operator === 'missed_deadline'
        ? { ...(operand as object), delay: resolveValue((operand as { delay: unknown }).delay, scope) }
        : resolveValue(operand, scope);
  }
  return operators;
}

/** Whether a record's field satisfies a resolved where value: equality with a scalar (an absent one matches nothing), membership in a list, or every operator of an object. */
export function fieldMatches(values: Readonly<Record<string, unknown>>, field: string, expected: unknown, asOf: string): boolean {
  if (field === 'active_at') return activeAt(values, expected);
  const value = fieldValue(values, field);
  if (Array.isArray(expected)) return expected.includes(value);
  if (expected === undefined || expected === null) return false;
  if (typeof expected !== 'object') return value === expected;
  for (const [operator, operand] of Object.entries(expected)) {
    if (operator === 'missed_deadline') {
      // `done_field: {missed_deadline: {start: START_FIELD, delay: P1M}}`: the deadline rule, per record.
      const spec = operand as { start: string; delay: unknown };
      if (deadlineOutcome(fieldValue(values, spec.start), spec.delay, value, asOf).status !== 'missed') return false;
    } else if (!operatorHolds(operator, value, operand)) return false;
  }
  return true;
}

/** `fieldMatches` with the expected value fixed: the operators are picked once, so that a predicate run on every trace row does no dispatch on the rule's text. */
export function compileFieldMatcher(field: string, expected: unknown, asOf: string): (values: Readonly<Record<string, unknown>>) => boolean {
  if (field === 'active_at') return (values) => activeAt(values, expected);
  if (Array.isArray(expected)) return (values) => expected.includes(fieldValue(values, field));
  if (expected === undefined || expected === null) return () => false;
  if (typeof expected !== 'object') return (values) => fieldValue(values, field) === expected;
  const tests = Object.entries(expected).map(([operator, operand]): ((value: unknown, values: Readonly<Record<string, unknown>>) => boolean) => {
    if (operator === 'missed_deadline') {
      const spec = operand as { start: string; delay: unknown };
      return (value, values) => deadlineOutcome(fieldValue(values, spec.start), spec.delay, value, asOf).status === 'missed';
    }
    if (operator === 'present') return operand ? (value) => value !== undefined && value !== null : (value) => value === undefined || value === null;
    // Comparisons with an absent or mistyped operand never hold, as in operatorHolds.
    const comparison = COMPARISONS[operator];
    if (comparison) {
      const kind = typeof operand;
      if (kind !== 'string' && kind !== 'number') return () => false;
      return (value) => typeof value === kind && comparison(value as string, operand as string);
    }
    return (value) => operatorHolds(operator, value, operand);
  });
  if (tests.length === 1) {
    const [test] = tests;
    return (values) => test(fieldValue(values, field), values);
  }
  return (values) => {
    const value = fieldValue(values, field);
    for (const test of tests) if (!test(value, values)) return false;
    return true;
  };
}

const COMPARISONS: Readonly<Record<string, (value: string, operand: string) => boolean>> = {
  before: (value, operand) => value < operand,
  on_or_before: (value, operand) => value <= operand,
  after: (value, operand) => value > operand,
  on_or_after: (value, operand) => value >= operand,
};

function operatorHolds(operator: string, value: unknown, operand: unknown): boolean {
  switch (operator) {
    case 'in':
      return Array.isArray(operand) && operand.includes(value);
    case 'not_in':
      return !Array.isArray(operand) || !operand.includes(value);
    case 'not':
      return value !== operand;
    case 'present':
      return (value !== undefined && value !== null) === operand;
    case 'before':
      return comparable(value, operand) && (value as string) < (operand as string);
    case 'on_or_before':
      return comparable(value, operand) && (value as string) <= (operand as string);
    case 'after':
      return comparable(value, operand) && (value as string) > (operand as string);
    case 'on_or_after':
      return comparable(value, operand) && (value as string) >= (operand as string);
    case 'equals_text':
      return value !== undefined && value !== null && normalizeText(value) === normalizeText(operand);
  }
  // The rule schema only lets the operators above through.
  throw new Error(`unknown where operator ${operator}`);
}

function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'string' && typeof b === 'string') || (typeof a === 'number' && typeof b === 'number');
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
