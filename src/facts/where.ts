import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { WhereClause } from '../rules/rule-types.js';
import { isIsoDate } from '../util/dates.js';
import { normalizeText } from '../util/text.js';
import { deadlineOutcome } from './deadline.js';
import { resolveValue } from './expressions.js';
import type { Scope } from './scope.js';

/**
 * The grant activity of OBLIGATIONS.md: active at D when `granted_on <= D` and
 * (`revoked_on` empty or `revoked_on > D`).
 */
export function activeAt(values: Readonly<Record<string, unknown>>, date: unknown): boolean {
  if (!isIsoDate(date)) return false;
  const granted = values.granted_on;
  const revoked = values.revoked_on;
  if (!isIsoDate(granted) || granted > date) return false;
  return !isIsoDate(revoked) || revoked > date;
}

/** Filters the records of `from` with a where clause, using a hash index for the first equality. */
export function selectRecords(from: string, where: WhereClause | undefined, scope: Scope): readonly DataRecord[] {
  const index = scope.context.index;
  const entries = Object.entries(where ?? {});
  const indexed = entries.find(([field, expected]) => field !== 'active_at' && isScalar(resolveValue(expected, scope)));
  let candidates: readonly DataRecord[];
  let rest = entries;
  if (indexed) {
    candidates = index.lookup(from, indexed[0], resolveValue(indexed[1], scope));
    rest = entries.filter((entry) => entry !== indexed);
  } else {
    candidates = index.records(from);
  }
  if (rest.length === 0) return candidates;
  const test = compileWhere(Object.fromEntries(rest), scope);
  return candidates.filter((record) => test(record.values));
}

/** Turns a where clause into a predicate over record values; references are resolved once. */
export function compileWhere(where: WhereClause | undefined, scope: Scope): (values: Readonly<Record<string, unknown>>) => boolean {
  const tests = Object.entries(where ?? {}).map(([field, expected]) => compileField(field, expected, scope));
  return (values) => tests.every((test) => test(values));
}

type ValueTest = (values: Readonly<Record<string, unknown>>) => boolean;

function compileField(field: string, expected: unknown, scope: Scope): ValueTest {
  if (field === 'active_at') {
    const date = resolveValue(expected, scope);
    return (values) => activeAt(values, date);
  }
  const resolved = resolveValue(expected, scope);
  if (Array.isArray(resolved)) return (values) => resolved.includes(values[field]);
  if (resolved !== null && typeof resolved === 'object' && 'missed_deadline' in resolved) {
    // `done_field: {missed_deadline: {start: START_FIELD, delay: P1M}}`: the deadline rule of OBLIGATIONS.md per record.
    const spec = (resolved as { missed_deadline: { start: string; delay: unknown } }).missed_deadline;
    const delay = resolveValue(spec.delay, scope);
    const asOf = scope.context.asOf;
    return (values) => deadlineOutcome(values[spec.start], delay, values[field], asOf).status === 'missed';
  }
  if (resolved !== null && typeof resolved === 'object') {
    const checks = Object.entries(resolved).map(([operator, operand]) => compileOperator(operator, resolveValue(operand, scope)));
    return (values) => checks.every((check) => check(values[field]));
  }
  // An absent expected value (a join on an empty field) matches nothing.
  if (resolved === undefined || resolved === null) return () => false;
  return (values) => values[field] === resolved;
}

function compileOperator(operator: string, operand: unknown): (value: unknown) => boolean {
  switch (operator) {
    case 'in':
      return (value) => Array.isArray(operand) && operand.includes(value);
    case 'not_in':
      return (value) => !Array.isArray(operand) || !operand.includes(value);
    case 'not':
      return (value) => value !== operand;
    case 'present':
      return (value) => (value !== undefined && value !== null) === operand;
    case 'before':
      return (value) => comparable(value, operand) && (value as string) < (operand as string);
    case 'on_or_before':
      return (value) => comparable(value, operand) && (value as string) <= (operand as string);
    case 'after':
      return (value) => comparable(value, operand) && (value as string) > (operand as string);
    case 'on_or_after':
      return (value) => comparable(value, operand) && (value as string) >= (operand as string);
    case 'equals_text': {
      const wanted = normalizeText(operand);
      return (value) => value !== undefined && value !== null && normalizeText(value) === wanted;
    }
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
