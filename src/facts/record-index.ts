import type { DataRecord, Snapshot } from '../snapshot/snapshot-types.js';
import { recordsOf } from './record-sources.js';

/** Records per source and hash indexes per (source, field), built on first use and shared by every rule of an evaluation: a join costs one lookup, not a scan. */
export class RecordIndex {
  private readonly sources = new Map<string, readonly DataRecord[]>();
  /** Indexes by source, then by field (nested maps: no key string to build per lookup). */
  private readonly byField = new Map<string, Map<string, Map<unknown, DataRecord[]>>>();

  constructor(private readonly snapshot: Snapshot) {}

  records(from: string): readonly DataRecord[] {
    let records = this.sources.get(from);
    if (!records) {
      records = recordsOf(this.snapshot, from);
      this.sources.set(from, records);
    }
    return records;
  }

  lookup(from: string, field: string, value: unknown): readonly DataRecord[] {
    return this.fieldIndex(from, field).get(value) ?? [];
  }

  /** The records of a source by value of one field (absent values left out), built on first use. */
  fieldIndex(from: string, field: string): ReadonlyMap<unknown, readonly DataRecord[]> {
    let fields = this.byField.get(from);
    if (!fields) {
      fields = new Map();
      this.byField.set(from, fields);
    }
    let index = fields.get(field);
    if (!index) {
      index = buildIndex(this.records(from), field);
      fields.set(field, index);
    }
    return index;
  }
}

/** The records by value of a field, each list of its exact size (the values are counted first): lists grown by push held more slots (docs/PERFORMANCE.md). */
function buildIndex(records: readonly DataRecord[], field: string): Map<unknown, DataRecord[]> {
  const counts = new Map<unknown, number>();
  for (const record of records) {
    const value = record.values[field];
    if (value !== undefined && value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const index = new Map<unknown, DataRecord[]>();
  for (const record of records) {
    const value = record.values[field];
    if (value === undefined || value === null) continue;
    const left = counts.get(value)!;
    let bucket = index.get(value);
    if (!bucket) {
      bucket = new Array<DataRecord>(left);
      index.set(value, bucket);
    }
    bucket[bucket.length - left] = record;
    counts.set(value, left - 1);
  }
  return index;
}
