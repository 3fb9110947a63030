import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { ForEach } from '../rules/rule-types.js';
import type { Scope } from '../facts/scope.js';
import { selectRecords } from '../facts/where.js';

/** One thing a rule visits: a record, or a group of records sharing the `group_by` fields. */
export interface Entity {
  /** The record's values, or for a group the values of its key fields. */
  readonly record: Readonly<Record<string, unknown>>;
  readonly records: readonly DataRecord[];
}

/** The entities of `for_each`, in file order (groups in order of their first record). */
export function enumerateEntities(forEach: ForEach, scope: Scope): Entity[] {
  const records = selectRecords(forEach.from, forEach.where, scope);
  const keys = forEach.group_by;
  if (!keys) return records.map((record) => ({ record: record.values, records: [record] }));
  // Groups are found through one map per key field (values compared as Map keys do: by type
  // and value, absent as null), without building a key string per record.
  const keyRecord = keyRecordOf(keys);
  const root = new Map<unknown, unknown>();
  const groups: { record: Record<string, unknown>; records: DataRecord[] }[] = [];
  const last = keys.length - 1;
  for (const record of records) {
    let level = root;
    for (let position = 0; position < last; position++) {
      const value = record.values[keys[position]] ?? null;
      let next = level.get(value) as Map<unknown, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const value = record.values[keys[last]] ?? null;
    let group = level.get(value) as { record: Record<string, unknown>; records: DataRecord[] } | undefined;
    if (!group) {
      group = { record: keyRecord(record.values), records: [] };
      level.set(value, group);
      groups.push(group);
    }
    group.records.push(record);
  }
  return groups;
}

const keyRecords = new Map<string, (values: Readonly<Record<string, unknown>>) => Record<string, unknown>>();

/**
 * A function building a group's record (its key fields, absent as null) as one object literal
 * compiled per list of fields: a hundred thousand groups built by Object.fromEntries cost
 * more. The names are the rule's group_by fields, written as JSON strings.
 */
function keyRecordOf(keys: readonly string[]): (values: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const signature = JSON.stringify(keys);
  let build = keyRecords.get(signature);
  if (!build) {
    // Computed names: a field called __proto__ stays a field, as with Object.fromEntries.
    const fields = keys.map((key) => `[${JSON.stringify(key)}]: values[${JSON.stringify(key)}] ?? null`);
    build = new Function('values', `return { ${fields.join(', ')} };`) as (values: Readonly<Record<string, unknown>>) => Record<string, unknown>;
    keyRecords.set(signature, build);
  }
  return build;
}
