import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { CompiledForEach, KeyRecord } from '../rules/compile-for-each.js';
import type { Scope } from '../facts/scope.js';
import { selectRecords } from '../facts/where.js';

/** One thing a rule visits: a record, or a group of records sharing the `group_by` fields. */
export interface Entity {
  readonly record: Readonly<Record<string, unknown>>;
  readonly records: readonly DataRecord[];
}

/** The entities of a rule, each made when visited: a list made beforehand lived until a full collection (docs/PERFORMANCE.md). */
export interface EntityList {
  readonly length: number;
  entityAt(index: number): Entity;
}

/** The records of a group, sharing its key fields, first one first: a bare list, as most groups hold one record. */
type Group = DataRecord[];

class RecordEntities implements EntityList {
  constructor(private readonly records: readonly DataRecord[]) {}

  get length(): number {
    return this.records.length;
  }

  entityAt(index: number): Entity {
    const record = this.records[index];
    return { record: record.values, records: [record] };
  }
}

/** Entities over groups, whose record holds the key fields (absent as null). */
class GroupEntities implements EntityList {
  constructor(
    private readonly groups: readonly Group[],
    private readonly keyRecord: KeyRecord,
  ) {}

  get length(): number {
    return this.groups.length;
  }

  entityAt(index: number): Entity {
    const group = this.groups[index];
    return { record: this.keyRecord(group[0].values), records: group };
  }
}

/** The entities of `for_each` (compiled with its rule), in file order (groups in order of their first record). */
export function enumerateEntities(forEach: CompiledForEach, scope: Scope): EntityList {
  const records = selectRecords(forEach.from, forEach.where, scope);
  const keys = forEach.groupBy;
  if (!keys) return new RecordEntities(records);
  const tree = new GroupTree(keys, 0);
  const groups: Group[] = [];
  for (const record of records) {
    const group = tree.find(record.values);
    if (group) {
      group.push(record);
      continue;
    }
    const created: Group = [record];
    tree.add(created);
    groups.push(created);
  }
  return new GroupEntities(groups, forEach.keyRecord!);
}

/** Two key values that are the same group: compared as Map keys are (NaN is NaN). */
function sameKey(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

/** Finds a group by its key fields' values: a short list compared field by field, split by the value at `depth` past BUCKET_LIMIT (a map per distinct prefix made several per grant). */
class GroupTree {
  private list: Group[] | undefined = [];
  /** Once split: the subtrees by the value at `depth`, or on the last field the groups themselves. */
  private byValue: Map<unknown, GroupTree | Group> | undefined;

  constructor(
    private readonly keys: readonly string[],
    private readonly depth: number,
  ) {}

  find(values: Readonly<Record<string, unknown>>): Group | undefined {
    const { keys } = this;
    if (this.list) {
      search: for (const group of this.list) {
        const known = group[0].values;
        for (let position = this.depth; position < keys.length; position++) {
          if (!sameKey(known[keys[position]] ?? null, values[keys[position]] ?? null)) continue search;
        }
        return group;
      }
      return undefined;
    }
    const found = this.byValue!.get(values[keys[this.depth]] ?? null);
    return found instanceof GroupTree ? found.find(values) : found;
  }

  add(group: Group): void {
    if (this.list) {
      this.list.push(group);
      if (this.list.length > BUCKET_LIMIT) {
        const list = this.list;
        this.list = undefined;
        this.byValue = new Map();
        for (const known of list) this.add(known);
      }
      return;
    }
    const value = group[0].values[this.keys[this.depth]] ?? null;
    if (this.depth === this.keys.length - 1) {
      this.byValue!.set(value, group);
      return;
    }
    let subtree = this.byValue!.get(value) as GroupTree | undefined;
    if (!subtree) {
      subtree = new GroupTree(this.keys, this.depth + 1);
      this.byValue!.set(value, subtree);
    }
    subtree.add(group);
  }
}

/** Groups compared one by one before they are split by a field's value. */
const BUCKET_LIMIT = 8;
