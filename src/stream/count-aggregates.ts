import type { DataRecord } from '../snapshot/snapshot-types.js';
import { fieldValue } from '../facts/expressions.js';
import type { StreamAggregate } from '../facts/streamed-facts.js';
import { AggregateKind } from './aggregate-kind.js';
import type { ConsumerColumns, PartColumns } from './consumer-columns.js';
import { cite, NO_RECORDS } from './evidence.js';

// count, exists, min and max: the rows a group took, and for min/max the extreme value and its row.

/** Takes a row into a count (or exists): one more, cited when the fact keeps evidence. */
export function updateCount(state: ConsumerColumns, record: DataRecord, slot: number): void {
  state.count[slot]++;
  if (state.keepsEvidence) cite(state.records, slot, record);
}

/** Takes a row into a min or max: its value replaces the group's when it beats it. */
export function updateExtreme(state: ConsumerColumns, record: DataRecord, slot: number): void {
  state.count[slot]++;
  const value = fieldValue(record.values, state.extremeField);
  if (value === undefined || value === null) return;
  if (beats(state, value, state.extreme[slot])) {
    state.extreme[slot] = value;
    state.extremeLine[slot] = record.line;
  }
}

/** Whether a value replaces the group's extreme so far (none yet: it does; a tie does not). */
function beats(state: ConsumerColumns, value: unknown, extreme: unknown): boolean {
  if (extreme === undefined) return true;
  return state.kind === AggregateKind.Min ? (value as number) < (extreme as number) : (value as number) > (extreme as number);
}

/** Adds a later part's group (at `index` of its columns) to the group of a slot that read rows before it. */
export function joinCounts(state: ConsumerColumns, slot: number, later: PartColumns, index: number): void {
  state.count[slot] += later.count[index] as number;
  if (state.kind === AggregateKind.Min || state.kind === AggregateKind.Max) {
    // Ties keep the earlier row, as a single reading does.
    const extreme = later.extreme[index];
    if (extreme !== undefined && beats(state, extreme, state.extreme[slot])) {
      state.extreme[slot] = extreme;
      state.extremeLine[slot] = later.extremeLine[index] as number;
    }
    return;
  }
  for (const record of (later.records[index] as DataRecord[] | undefined) ?? NO_RECORDS) cite(state.records, slot, record);
}

/** The aggregate of a count (the number of rows) or an exists (whether there was one). */
export function countResult(state: ConsumerColumns, slot: number, exists: boolean): StreamAggregate {
  const records = state.records[slot] ?? NO_RECORDS;
  if (exists) return { value: state.count[slot] > 0, records, total: state.count[slot] };
  return { value: state.count[slot], records, total: state.count[slot] };
}

/** The aggregate of a min or max, citing the row of the extreme (rebuilt from its line). */
export function extremeResult(state: ConsumerColumns, slot: number, key: string): StreamAggregate {
  const extreme = state.extreme[slot];
  const cited: DataRecord[] =
    state.keepsEvidence && extreme !== undefined ? [{ table: state.table, file: state.file, line: state.extremeLine[slot], values: { [state.keyField]: key, [state.extremeField]: extreme } }] : [];
  return { value: extreme ?? null, records: cited, total: cited.length };
}
