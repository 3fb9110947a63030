import { parisDateOf } from '../util/dates.js';
import { isReference } from '../rules/references.js';
import type { Scope } from './scope.js';

/** References (`$record.left_on`…) are recognised by the rules layer, which compiles them once. */
export { isReference, referencesIn } from '../rules/references.js';

/** Resolves a reference or returns the literal unchanged (arrays are resolved item by item). */
export function resolveValue(value: unknown, scope: Scope): unknown {
  if (isReference(value)) return resolvePath(value.slice(1), scope);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope));
  return value;
}

/** Resolves a dotted path such as `record.left_on` or `convention.signed_on`; undefined when absent. */
export function resolvePath(path: string, scope: Scope): unknown {
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = path.split('.');
    splitPaths.set(path, keys);
  }
  return walk(rootValue(keys[0], scope), keys, 1);
}

// Kept: a few hundred paths of the rules' text, but they reach resolveValue from every fact kind, where value, stream reader and template.
const splitPaths = new Map<string, string[]>();

function rootValue(root: string, scope: Scope): unknown {
  switch (root) {
    case 'as_of':
      return scope.context.asOf;
    case 'param':
    case 'params':
      return scope.params;
    case 'record':
      return scope.record;
    case 'subject':
      return scope.subject;
    case 'data':
      return scope.context.data;
    case 'row':
      return scope.row;
  }
  if (Object.hasOwn(scope.facts, root)) return scope.facts[root];
  if (Object.hasOwn(scope.context.sharedFacts, root)) return scope.context.sharedFacts[root];
  return scope.context.snapshot.partner.data[root];
}

function walk(value: unknown, keys: readonly string[], from = 0): unknown {
  let current = value;
  for (let index = from; index < keys.length; index++) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = fieldValue(current as Record<string, unknown>, keys[index]);
  }
  return current;
}

const DATE_SUFFIX = '_date';

/** A field of a record; `X_date` of a timestamp field X (epoch ms) is its calendar date in Europe/Paris, so that rules compare trace instants with dates. */
export function fieldValue(values: Readonly<Record<string, unknown>>, field: string): unknown {
  const value = values[field];
  if (value !== undefined || !field.endsWith(DATE_SUFFIX)) return value;
  const instant = values[field.slice(0, -DATE_SUFFIX.length)];
  return typeof instant === 'number' ? parisDateOf(instant) : undefined;
}

/** Whether a dotted partner key is written in the partner declarations (`null` counts as written). */
export function partnerKeyPresent(data: Readonly<Record<string, unknown>>, dottedPath: string): boolean {
  let current: unknown = data;
  for (const key of dottedPath.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}
