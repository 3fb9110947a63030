import { compileWhereClause, type CompiledWhere } from './compile-where.js';
import type { ForEach } from './rule-definition.js';

/** Builds a group's record: its key fields, absent as null. */
export type KeyRecord = (values: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** A rule's `for_each` compiled: its filter, and for groups the builder of their records. */
export class CompiledForEach {
  // Private: a builder compiled again from the same fields is the same analysis, and a rule loaded twice compares equal.
  readonly #keyRecord: KeyRecord | undefined;

  constructor(
    readonly from: string,
    readonly where: CompiledWhere | undefined,
    readonly groupBy: readonly string[] | undefined,
  ) {
    this.#keyRecord = groupBy ? keyRecordOf(groupBy) : undefined;
  }

  /** The builder of a group's record, with `group_by`. */
  get keyRecord(): KeyRecord | undefined {
    return this.#keyRecord;
  }
}

/** Compiles a `for_each` (see CompiledForEach). */
export function compileForEach(forEach: ForEach): CompiledForEach {
  return new CompiledForEach(forEach.from, compileWhereClause(forEach.where), forEach.group_by);
}

/** Builds a group's record with one object literal compiled per list of fields (its names JSON strings): Object.fromEntries per group cost more. */
function keyRecordOf(keys: readonly string[]): KeyRecord {
  // Computed names: a field called __proto__ stays a field, as with Object.fromEntries.
  const fields = keys.map((key) => `[${JSON.stringify(key)}]: values[${JSON.stringify(key)}] ?? null`);
  return new Function('values', `return { ${fields.join(', ')} };`) as KeyRecord;
}
