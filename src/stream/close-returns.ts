import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { StreamAggregate } from '../facts/streamed-facts.js';
import type { ConsumerColumns, PartColumns } from './consumer-columns.js';
import { cite, NO_RECORDS } from './evidence.js';
import { OutOfOrder } from './out-of-order.js';

// close_returns: a group's rows in time order form runs of one `differ` value (A A B A…); a
// return is a row that goes back to the value of the run before the current one less than
// `within` after that run's last row (A, then B, then A again within `within`): two values in
// use at once. Rows without the field are left out. A return cites the row that left the value,
// the first row of the run in between and the returning row, each row once.

/** A row of the group rebuilt from its state, for evidence: its key, instant and value. */
interface Mark {
  readonly line: number;
  readonly at: number;
  readonly differ: unknown;
}

/** Takes a row into a close_returns group. */
export function updateReturns(state: ConsumerColumns, record: DataRecord, slot: number): void {
  const row = record.values;
  const differ = row[state.differ];
  if (differ === undefined || differ === null) return;
  const at = row[state.orderBy] as number;
  if (at < state.lastAt[slot]) throw new OutOfOrder(record.file, record.line);
  const line = record.line;
  if (state.later && state.headLine[slot] === 0) {
    state.headLine[slot] = line;
    state.headAt[slot] = at;
    state.headDiffer[slot] = differ;
    if (Number.isNaN(state.partStart)) state.partStart = at;
    if (state.keepsEvidence && at - state.partStart < state.withinMs) state.headRecord[slot] = record;
  }
  if (state.lastLine[slot] === 0) {
    state.runAt[slot] = at;
    state.runLine[slot] = line;
  } else if (differ !== state.lastDiffer[slot]) {
    if (state.later && state.switchLine[slot] === 0) {
      // The later part's first switch: a single reading may count it as a return across the cut.
      state.switchLine[slot] = line;
      state.switchAt[slot] = at;
      state.switchDiffer[slot] = differ;
      state.headEndLine[slot] = state.lastLine[slot];
      if (state.keepsEvidence && at - state.partStart < state.withinMs) state.switchRecord[slot] = record;
    }
    if (state.prevLine[slot] !== 0 && differ === state.prevDiffer[slot] && at - state.prevAt[slot] < state.withinMs) {
      countReturn(state, slot, previousMark(state, slot), runMark(state, slot), line, record);
    }
    state.prevAt[slot] = state.lastAt[slot];
    state.prevDiffer[slot] = state.lastDiffer[slot];
    state.prevLine[slot] = state.lastLine[slot];
    state.runAt[slot] = at;
    state.runLine[slot] = line;
  }
  state.lastAt[slot] = at;
  state.lastDiffer[slot] = differ;
  state.lastLine[slot] = line;
}

const previousMark = (state: ConsumerColumns, slot: number): Mark => ({ line: state.prevLine[slot], at: state.prevAt[slot], differ: state.prevDiffer[slot] });
const runMark = (state: ConsumerColumns, slot: number): Mark => ({ line: state.runLine[slot], at: state.runAt[slot], differ: state.lastDiffer[slot] });
const lastMark = (state: ConsumerColumns, slot: number): Mark => ({ line: state.lastLine[slot], at: state.lastAt[slot], differ: state.lastDiffer[slot] });

/** Counts a return and cites its three rows, each row once (a row already cited, or before one, is not cited again). */
function countReturn(state: ConsumerColumns, slot: number, left: Mark, run: Mark, line: number, record: DataRecord | undefined): void {
  state.count[slot]++;
  citeOnce(state, slot, left.line, () => rebuilt(state, slot, left));
  citeOnce(state, slot, run.line, () => rebuilt(state, slot, run));
  // Without evidence a later part keeps no row: the return is counted, nothing is cited.
  citeOnce(state, slot, line, () => record!);
}

function citeOnce(state: ConsumerColumns, slot: number, line: number, row: () => DataRecord): void {
  if (line <= state.pairedLine[slot]) return;
  state.pairedLine[slot] = line;
  state.involved[slot]++;
  if (state.later) {
    // What a single reading may have cited already, before this part's first switch (see joinReturns).
    if (line === state.headEndLine[slot]) state.headCitedEnd[slot] = true;
    if (line === state.switchLine[slot]) state.headCitedSwitch[slot] = true;
  }
  if (state.keepsEvidence) cite(state.records, slot, row());
}

function rebuilt(state: ConsumerColumns, slot: number, mark: Mark): DataRecord {
  const values = { [state.keyField]: state.keyOf(slot), [state.orderBy]: mark.at, [state.differ]: mark.differ };
  return { table: state.table, file: state.file, line: mark.line, values };
}

/** The returns a single reading counts across the cut: at the later part's first row, and at its first switch. */
function crossings(state: ConsumerColumns, slot: number, later: PartColumns, index: number): { atHead: boolean; atSwitch: boolean; continued: boolean } {
  const headDiffer = later.headDiffer[index];
  const headAt = later.headAt[index] as number;
  const switchLine = later.switchLine[index] as number;
  const switchAt = later.switchAt[index] as number;
  const switchDiffer = later.switchDiffer[index];
  const hasPrevious = state.prevLine[slot] !== 0;
  const continued = headDiffer === state.lastDiffer[slot];
  if (continued) {
    const atSwitch = switchLine !== 0 && hasPrevious && switchDiffer === state.prevDiffer[slot] && switchAt - state.prevAt[slot] < state.withinMs;
    return { atHead: false, atSwitch, continued };
  }
  const atHead = hasPrevious && headDiffer === state.prevDiffer[slot] && headAt - state.prevAt[slot] < state.withinMs;
  const atSwitch = switchLine !== 0 && switchDiffer === state.lastDiffer[slot] && switchAt - state.lastAt[slot] < state.withinMs;
  return { atHead, atSwitch, continued };
}

/** Whether a later part's group can be merged: the rows a return across the cut cites whole were kept (see partStart). */
export function canJoinReturns(state: ConsumerColumns, slot: number, later: PartColumns, index: number): boolean {
  if ((later.headLine[index] as number) === 0 || state.lastLine[slot] === 0) return true;
  const { atHead, atSwitch } = crossings(state, slot, later, index);
  return (!atHead || later.headRecord[index] !== undefined) && (!atSwitch || later.switchRecord[index] !== undefined);
}

/** Adds a later part's group to the group of a slot that read rows before it, with the returns across the cut. */
export function joinReturns(state: ConsumerColumns, slot: number, later: PartColumns, index: number): void {
  const headLine = later.headLine[index] as number;
  if (headLine === 0) return;
  const switchLine = later.switchLine[index] as number;
  const head: Mark = { line: headLine, at: later.headAt[index] as number, differ: later.headDiffer[index] };
  const { atHead, atSwitch, continued } = crossings(state, slot, later, index);
  const earlierPrevious = previousMark(state, slot);
  const earlierRun = runMark(state, slot);
  const earlierLast = lastMark(state, slot);
  if (atHead) countReturn(state, slot, earlierPrevious, earlierRun, headLine, later.headRecord[index] as DataRecord | undefined);
  if (atSwitch) {
    const record = later.switchRecord[index] as DataRecord | undefined;
    if (continued) countReturn(state, slot, earlierPrevious, earlierRun, switchLine, record);
    else countReturn(state, slot, earlierLast, head, switchLine, record);
  }
  // The later part, read alone, cited its first rows again when a return across the cut already had.
  const crossed = state.pairedLine[slot];
  const dropped = (later.headCitedEnd[index] && (later.headEndLine[index] as number) <= crossed ? 1 : 0) + (later.headCitedSwitch[index] && switchLine <= crossed ? 1 : 0);
  for (const record of (later.records[index] as DataRecord[] | undefined) ?? NO_RECORDS) if (record.line > crossed) cite(state.records, slot, record);
  state.count[slot] += later.count[index] as number;
  state.involved[slot] += (later.involved[index] as number) - dropped;
  state.pairedLine[slot] = Math.max(crossed, later.pairedLine[index] as number);
  if (switchLine !== 0) {
    state.prevAt[slot] = later.prevAt[index] as number;
    state.prevDiffer[slot] = later.prevDiffer[index];
    state.prevLine[slot] = later.prevLine[index] as number;
    state.runAt[slot] = later.runAt[index] as number;
    state.runLine[slot] = later.runLine[index] as number;
  } else if (!continued) {
    state.prevAt[slot] = earlierLast.at;
    state.prevDiffer[slot] = earlierLast.differ;
    state.prevLine[slot] = earlierLast.line;
    state.runAt[slot] = head.at;
    state.runLine[slot] = head.line;
  }
  state.lastAt[slot] = later.lastAt[index] as number;
  state.lastDiffer[slot] = later.lastDiffer[index];
  state.lastLine[slot] = later.lastLine[index] as number;
}

/** The aggregate of a close_returns group: the returns found, citing the rows involved. */
export function returnsResult(state: ConsumerColumns, slot: number): StreamAggregate {
  return { value: state.count[slot], records: state.records[slot] ?? NO_RECORDS, total: state.involved[slot] };
}
