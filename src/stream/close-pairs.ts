import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { StreamAggregate } from '../facts/streamed-facts.js';
import type { ConsumerColumns, PartColumns } from './consumer-columns.js';
import { cite, NO_RECORDS } from './evidence.js';
import { OutOfOrder } from './out-of-order.js';

// close_pairs: consecutive rows of a group whose `differ` field changes within `within`.

/** Takes a row into a close_pairs group: a pair when it differs from the group's last row, soon enough after it. */
export function updatePairs(state: ConsumerColumns, record: DataRecord, slot: number): void {
  const row = record.values;
  const at = row[state.orderBy] as number;
  const lastAt = state.lastAt[slot];
  if (at < lastAt) throw new OutOfOrder(record.file, record.line);
  const differ = row[state.differ];
  if (state.later && state.headLine[slot] === 0) {
    state.headLine[slot] = record.line;
    state.headAt[slot] = at;
    state.headDiffer[slot] = differ;
    if (Number.isNaN(state.partStart)) state.partStart = at;
    if (state.keepsEvidence && at - state.partStart < state.withinMs) state.headRecord[slot] = record;
  }
  const lastDiffer = state.lastDiffer[slot];
  if (differ !== undefined && lastDiffer !== undefined && differ !== lastDiffer && at - lastAt < state.withinMs) {
    state.count[slot]++;
    // A row between two switches (A, B, A) belongs to both pairs: count and cite it once.
    const lastLine = state.lastLine[slot];
    if (state.pairedLine[slot] !== lastLine) {
      if (state.later && state.headLine[slot] === lastLine) state.headPaired[slot] = true;
      state.involved[slot]++;
      if (state.keepsEvidence) cite(state.records, slot, previousRow(state, slot));
    }
    state.involved[slot]++;
    state.pairedLine[slot] = record.line;
    if (state.keepsEvidence) cite(state.records, slot, record);
  }
  state.lastAt[slot] = at;
  state.lastDiffer[slot] = differ;
  state.lastLine[slot] = record.line;
}

/** The evidence line of the row before a close pair, rebuilt from the group's state. */
function previousRow(state: ConsumerColumns, slot: number): DataRecord {
  const values = { [state.keyField]: state.keyOf(slot), [state.orderBy]: state.lastAt[slot], [state.differ]: state.lastDiffer[slot] };
  return { table: state.table, file: state.file, line: state.lastLine[slot], values };
}

/** Whether the first row of a later part (its instant and its `differ` value) pairs with the group's last row. */
export function crosses(state: ConsumerColumns, slot: number, headAt: number, headDiffer: unknown): boolean {
  const lastDiffer = state.lastDiffer[slot];
  return headDiffer !== undefined && lastDiffer !== undefined && headDiffer !== lastDiffer && headAt - state.lastAt[slot] < state.withinMs;
}

/** Adds a later part's group to the group of a slot that read rows before it, with the pair across the cut. */
export function joinPairs(state: ConsumerColumns, slot: number, later: PartColumns, index: number): void {
  const headLine = later.headLine[index] as number;
  const headAt = later.headAt[index] as number;
  const crossing = crosses(state, slot, headAt, later.headDiffer[index]);
  if (crossing) {
    state.count[slot]++;
    if (state.pairedLine[slot] !== state.lastLine[slot]) {
      state.involved[slot]++;
      if (state.keepsEvidence) cite(state.records, slot, previousRow(state, slot));
    }
    state.involved[slot]++;
    state.pairedLine[slot] = headLine;
    if (state.keepsEvidence) cite(state.records, slot, later.headRecord[index] as DataRecord);
  }
  // Read alone, the later part counted (and cited first) its first row again when it paired with the next.
  const counted = crossing && (later.headPaired[index] as boolean);
  const records = (later.records[index] as DataRecord[] | undefined) ?? NO_RECORDS;
  state.count[slot] += later.count[index] as number;
  state.involved[slot] += (later.involved[index] as number) - (counted ? 1 : 0);
  for (const record of counted ? records.slice(1) : records) cite(state.records, slot, record);
  const pairedLine = later.pairedLine[index] as number;
  if (pairedLine !== 0) state.pairedLine[slot] = pairedLine;
  state.lastAt[slot] = later.lastAt[index] as number;
  state.lastDiffer[slot] = later.lastDiffer[index];
  state.lastLine[slot] = later.lastLine[index] as number;
}

/** The aggregate of a close_pairs group: the pairs found, citing the rows involved. */
export function pairsResult(state: ConsumerColumns, slot: number): StreamAggregate {
  return { value: state.count[slot], records: state.records[slot] ?? NO_RECORDS, total: state.involved[slot] };
}
