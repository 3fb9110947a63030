import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { StreamAggregate } from '../facts/streamed-facts.js';
import { withRow, type ConsumerColumns, type PartColumns } from './consumer-columns.js';
import { EVIDENCE_LIMIT } from './evidence.js';
import { OutOfOrder } from './out-of-order.js';

/** Takes a row into a busiest_window group: it ends a window, measured unless it may reach into the earlier part. */
export function updateWindow(state: ConsumerColumns, record: DataRecord, slot: number): void {
  const at = record.values[state.orderBy] as number;
  if (at < state.lastAt[slot]) throw new OutOfOrder(record.file, record.line);
  state.lastAt[slot] = at;
  state.count[slot]++;
  pushRow(state, slot, at, record.line);
  let inHead = false;
  if (state.later) {
    if (state.headLine[slot] === 0) {
      state.headLine[slot] = record.line;
      state.headAt[slot] = at;
    }
    // A window ending here may hold rows of the earlier part: it is measured when the parts are joined.
    if (at - state.headAt[slot] < state.withinMs) {
      inHead = true;
      const end = state.headEnd[slot];
      state.headRows[slot] = withRow(state.headRows[slot], end, at, record.line);
      state.headEnd[slot] = end + 2;
    }
  }
  if (!inHead) measureWindow(state, slot);
}

/** Adds a row to a group's window; rows that left it stay until the array is full, then the rest move to its front or it doubles. */
function pushRow(state: ConsumerColumns, slot: number, at: number, line: number): void {
  let rows = state.window[slot];
  let start = state.windowStart[slot];
  let end = state.windowEnd[slot];
  if (rows !== undefined && end === rows.length && start * 2 >= end) {
    for (let index = start; index < end; index++) rows[index - start] = rows[index];
    end -= start;
    start = 0;
  }
  rows = withRow(rows, end, at, line);
  state.window[slot] = rows;
  end += 2;
  while (start < end && at - rows[start] >= state.withinMs) start += 2;
  state.windowStart[slot] = start;
  state.windowEnd[slot] = end;
}

/** Keeps the window ending at the group's last row when it is the largest so far (its first rows over the previous copy when it fits). */
function measureWindow(state: ConsumerColumns, slot: number): void {
  const start = state.windowStart[slot];
  const size = (state.windowEnd[slot] - start) / 2;
  if (size <= state.best[slot]) return;
  state.best[slot] = size;
  if (!state.keepsEvidence) return;
  const rows = state.window[slot]!;
  const length = Math.min(size, EVIDENCE_LIMIT) * 2;
  const best = state.bestRows[slot];
  if (best === undefined || best.length < length) state.bestRows[slot] = rows.slice(start, start + length);
  else for (let index = 0; index < length; index++) best[index] = rows[start + index];
}

/** Adds a later part's group to the group of a slot that read rows before it, with the windows straddling the cut. */
export function joinWindows(state: ConsumerColumns, slot: number, later: PartColumns, index: number): void {
  // The windows that end on the later part's first rows, now with the earlier rows they hold.
  const head = (later.headRows[index] as number[] | undefined) ?? [];
  for (let row = 0; row < head.length; row += 2) {
    pushRow(state, slot, head[row], head[row + 1]);
    measureWindow(state, slot);
  }
  // The windows that end further hold rows of the later part only: measured there.
  const best = later.best[index] as number;
  if (best > state.best[slot]) {
    state.best[slot] = best;
    state.bestRows[slot] = later.bestRows[index] as number[] | undefined;
  }
  state.count[slot] += later.count[index] as number;
  state.lastAt[slot] = later.lastAt[index] as number;
}

/** The aggregate of a busiest_window group. */
export function windowResult(state: ConsumerColumns, slot: number, key: string): StreamAggregate {
  return new WindowAggregate(state.best[slot], state.bestRows[slot], { table: state.table, file: state.file, keyField: state.keyField, key, order: state.orderBy });
}

/** The busiest window of a group: its evidence lines are built when a finding cites them, not for every quiet user. */
class WindowAggregate implements StreamAggregate {
  readonly value: number;
  readonly total: number;

  constructor(
    best: number,
    private readonly rows: readonly number[] | undefined,
    private readonly source: { readonly table: string; readonly file: string; readonly keyField: string; readonly key: string; readonly order: string },
  ) {
    this.value = best;
    this.total = best;
  }

  get records(): DataRecord[] {
    const { table, file, keyField, key, order } = this.source;
    const records: DataRecord[] = [];
    const rows = this.rows ?? [];
    const length = Math.min(this.value, EVIDENCE_LIMIT) * 2;
    for (let index = 0; index < length; index += 2) records.push({ table, file, line: rows[index + 1], values: { [keyField]: key, [order]: rows[index] } });
    return records;
  }
}
