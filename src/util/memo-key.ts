import { stableStringify } from './stable-stringify.js';

/**
 * One value's part of a memo key made of several values: its type, a text's length, then the
 * value, so that no two lists of values give the same key (`'1'` is not `1`, and a text holding
 * the separator cannot pass for two texts). Objects are written as canonical JSON, which ends
 * where it began.
 */
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
