import { stableStringify } from './stable-stringify.js';

/** One value's part of a memo key: type and length first, so no two lists of values share a key. */
export function keyPart(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
    case 'bigint':
      return `n${String(value)};`;
    case 'boolean':
      return value ? 't;' : 'f;';
    case 'undefined':
      return 'u;';
    default:
      return value === null ? 'z;' : `o${stableStringify(value)}`;
  }
}
