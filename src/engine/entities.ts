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
  const groups = new Map<string, { record: Record<string, unknown>; records: DataRecord[] }>();
  for (const record of records) {
    const keyValues = keys.map((key) => record.values[key] ?? null);
    const groupKey = JSON.stringify(keyValues);
    let group = groups.get(groupKey);
    if (!group) {
      group = { record: Object.fromEntries(keys.map((key, i) => [key, keyValues[i]])), records: [] };
      groups.set(groupKey, group);
    }
    group.records.push(record);
  }
  return [...groups.values()];
}
