import type { Scope } from './scope.js';

/**
 * References in rule files are strings starting with `$`: `$as_of`, `$param.delay`,
 * `$record.left_on`, `$subject.id`, reference data (`$data.countries.eu_eea`), a fact of the rule (`$approvers`), a shared fact
 * (`$management_mode`) or a partner key (`$convention.signed_on`). Any other value is a literal.
 */
export function isReference(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('$') && value.length > 1;
}

/** Resolves a reference or returns the literal unchanged (arrays are resolved item by item). */
export function resolveValue(value: unknown, scope: Scope): unknown {
  if (isReference(value)) return resolvePath(value.slice(1), scope);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope));
  return value;
}

/** Resolves a dotted path such as `record.left_on` or `convention.signed_on`; undefined when absent. */
export function resolvePath(path: string, scope: Scope): unknown {
  const [root, ...rest] = path.split('.');
  return walk(rootValue(root, scope), rest);
}

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
  }
  if (Object.hasOwn(scope.facts, root)) return scope.facts[root];
  if (Object.hasOwn(scope.context.sharedFacts, root)) return scope.context.sharedFacts[root];
  return scope.context.snapshot.partner.data[root];
}

function walk(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
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
