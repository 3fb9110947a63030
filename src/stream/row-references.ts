import { fieldValue, resolveValue } from '../facts/expressions.js';
import type { Scope } from '../facts/scope.js';
import { keyPart } from '../util/memo-key.js';

/** Whether a reference changes from row to row: it reads the row or one of the row's lookups. */
export function isRowDependent(reference: string, lookupNames: ReadonlySet<string>): boolean {
  const root = reference.slice(1).split('.')[0];
  return root === 'row' || lookupNames.has(root);
}

/** Memo tables stay bounded: a few hundred thousand distinct keys at most. */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V): void {
  if (memo.size > 100_000) memo.clear();
  memo.set(key, value);
}

/** The memo key of the current row: the value of the one reference (no string per row), else the values' join. */
export function memoKeyOf(references: readonly string[], lookupNames: ReadonlySet<string>): (scope: Scope) => unknown {
  const readers = references.map((reference) => compileReference(reference, lookupNames));
  if (readers.length === 1) return readers[0];
  return (scope) => {
    let key = '';
    for (const read of readers) key += keyPart(read(scope));
    return key;
  };
}

/** A reader for a `$row.field` or `$lookup.field` reference, the commonest per-row reads. */
export function compileReference(reference: string, lookupNames: ReadonlySet<string>): (scope: Scope) => unknown {
  const [root, field, ...rest] = reference.slice(1).split('.');
  if (field !== undefined && rest.length === 0 && root === 'row') return (scope) => fieldValue(scope.row!, field);
  if (field !== undefined && rest.length === 0 && lookupNames.has(root)) {
    return (scope) => {
      const found = scope.facts[root] as Record<string, unknown> | undefined;
      return found === undefined || found === null ? undefined : fieldValue(found, field);
    };
  }
  return (scope) => resolveValue(reference, scope);
}
