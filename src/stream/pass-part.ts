import type { InputError, SkippedRow } from '../snapshot/snapshot-types.js';
import type { TableReads } from '../snapshot/table-read.js';
import { AggregateKind } from './aggregate-kind.js';
import { crosses, joinPairs } from './close-pairs.js';
import { canJoinReturns, joinReturns } from './close-returns.js';
import { joinWindows } from './busiest-window.js';
import { FIELDS, isPartField, type ConsumerColumns, type PartColumns, type PartField } from './consumer-columns.js';
import { joinCounts } from './count-aggregates.js';
import type { ConsumerFailure } from './out-of-order.js';

/** A consumer's state after reading a part of the file: its groups' keys, in order of first row, and their states by field. */
export interface ConsumerPart {
  readonly failure?: ConsumerFailure;
  readonly keys: readonly string[];
  readonly columns: Partial<Record<PartField, readonly unknown[]>>;
}

/** A StreamPass's state after reading a later part of the file (plain data, it crosses threads), with its consumers' signatures to check both threads built the same. */
export interface PassPart {
  readonly signatures: readonly string[];
  /** The line the part starts on: the reader of the earlier part checks it ends there. */
  readonly line: number;
  /** Each consumer's part, or what makes it when it is merged (a worker's bytes: src/split-reading/packed-part.ts). */
  readonly consumers: readonly (ConsumerPart | (() => ConsumerPart))[];
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
  /** What the part read of each streamed file (rows, line ends…), added to the earlier part's. */
  readonly reads: TableReads;
}

/** A consumer's part, made when it is a worker's bytes. */
export function partOf(part: ConsumerPart | (() => ConsumerPart)): ConsumerPart {
  return typeof part === 'function' ? part() : part;
}

/** A consumer's part: the columns mergeLater reads, one value per group in order (a few arrays cross threads faster than many objects). */
export function exportPart(state: ConsumerColumns): ConsumerPart {
  const columns: Partial<Record<PartField, unknown[]>> = {};
  for (const field of state.fields) {
    if (!isPartField(field)) continue;
    const column = state.columns[field];
    columns[field] = field === 'headRows' ? state.order.map((slot) => state.headRows[slot]?.slice(0, state.headEnd[slot])) : state.order.map((slot) => column[slot]);
  }
  return { ...(state.failure ? { failure: state.failure } : {}), keys: state.groupKeys(), columns };
}

/** Whether a consumer's parts must pass canMerge before they are merged. */
export function checksMerge(state: ConsumerColumns): boolean {
  return (state.kind === AggregateKind.Pairs || state.kind === AggregateKind.Returns) && state.keepsEvidence;
}

/** Whether a part can be merged: every group whose first rows pair (or return) with the consumer's last ones kept them as evidence (see partStart). */
export function canMerge(state: ConsumerColumns, part: ConsumerPart): boolean {
  if (!checksMerge(state) || state.failure || part.failure) return true;
  const later = part.columns as PartColumns;
  return part.keys.every((key, index) => {
    if (state.kind === AggregateKind.Pairs && later.headRecord[index] !== undefined) return true;
    const slot = state.slots ? state.slots.find(key) : 0;
    if (slot === undefined || !(slot < state.known.length && state.known[slot])) return true;
    const headAt = later.headAt[index] as number;
    if (state.kind === AggregateKind.Returns) return headAt < state.lastAt[slot] || canJoinReturns(state, slot, later, index);
    // A first row older than the group's last one makes the merge fail anyway (out of order).
    return headAt < state.lastAt[slot] || !crosses(state, slot, headAt, later.headDiffer[index]);
  });
}

/** Adds the part of the file read by another thread after the consumer's, as a single reading would: each group's first rows are joined to its last ones before the cut. */
export function mergeLater(state: ConsumerColumns, part: ConsumerPart): void {
  if (state.failure) return;
  const kind = state.kind;
  const slots = part.keys.map((key) => state.slotFor(key));
  const later = part.columns as PartColumns;
  let failure = part.failure;
  if (kind === AggregateKind.Pairs || kind === AggregateKind.Returns || kind === AggregateKind.Window) {
    slots.forEach((slot, index) => {
      const line = later.headLine[index] as number;
      const known = slot < state.known.length && state.known[slot];
      if (known && (later.headAt[index] as number) < state.lastAt[slot] && (failure === undefined || line < failure.line)) {
        failure = { message: `${state.file}:${line}`, line };
      }
    });
  }
  if (failure) {
    state.failure = failure;
    return;
  }
  const fields = FIELDS[kind].filter(isPartField);
  slots.forEach((slot, index) => {
    const known = slot < state.known.length && state.known[slot];
    if (!known) state.open(slot);
    if (!known && kind !== AggregateKind.Window) {
      for (const field of fields) state.columns[field][slot] = later[field][index];
      return;
    }
    if (kind === AggregateKind.Pairs) joinPairs(state, slot, later, index);
    else if (kind === AggregateKind.Returns) joinReturns(state, slot, later, index);
    else if (kind === AggregateKind.Window) joinWindows(state, slot, later, index);
    else if (kind !== AggregateKind.Keys) joinCounts(state, slot, later, index);
  });
}

/** Merges a later pass's part into the consumers (in order of creation); false, nothing merged, when it cannot be. */
export function mergePass(consumers: readonly ConsumerColumns[], signatures: readonly string[], part: PassPart): boolean {
  if (part.signatures.length !== signatures.length || part.signatures.some((signature, index) => signature !== signatures[index])) return false;
  // Parts that may lack evidence are checked before anything is merged; the others are deserialized one at a time.
  const checked = new Map<number, ConsumerPart>();
  for (const [index, consumer] of consumers.entries()) {
    if (!checksMerge(consumer)) continue;
    const consumerPart = partOf(part.consumers[index]);
    if (!canMerge(consumer, consumerPart)) return false;
    checked.set(index, consumerPart);
  }
  consumers.forEach((consumer, index) => mergeLater(consumer, checked.get(index) ?? partOf(part.consumers[index])));
  return true;
}
