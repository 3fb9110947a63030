import type { InputError, SkippedRow } from '../snapshot/snapshot-types.js';
import { AggregateKind } from './aggregate-kind.js';
import { crosses, joinPairs } from './close-pairs.js';
import { joinWindows } from './busiest-window.js';
import { FIELDS, isPartField, type ConsumerColumns, type PartColumns, type PartField } from './consumer-columns.js';
import { joinCounts } from './count-aggregates.js';
import type { ConsumerFailure } from './out-of-order.js';

// The traces may be read in two parts by two threads: the pass over the later part exports its
// consumers' states, which the pass over the earlier part merges as if it had read on.

/** A consumer's state after reading a part of the file: its groups' keys, in order of first row, and their states by field. */
export interface ConsumerPart {
  readonly failure?: ConsumerFailure;
  readonly keys: readonly string[];
  readonly columns: Partial<Record<PartField, readonly unknown[]>>;
}

/**
 * The state of a StreamPass after reading a later part of the file (plain data, it crosses
 * threads): the signatures of its consumers, to check both threads built the same ones, and
 * each consumer's part, with the input errors and skipped rows of that part.
 */
export interface PassPart {
  readonly signatures: readonly string[];
  /** The line the part starts on: the reader of the earlier part checks it ends there. */
  readonly line: number;
  /** Each consumer's part, or what makes it when it is merged (a worker's bytes: src/split-reading/stream-in-worker.ts). */
  readonly consumers: readonly (ConsumerPart | (() => ConsumerPart))[];
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
}

/** A consumer's part, made when it is a worker's bytes. */
export function partOf(part: ConsumerPart | (() => ConsumerPart)): ConsumerPart {
  return typeof part === 'function' ? part() : part;
}

/**
 * A consumer's state after reading a part of the file: the column of each field its kind of
 * aggregate merges, one value per group in order (tens of thousands of users cross threads as
 * a few arrays rather than as that many objects). The groups' windows are left out: the part
 * read last leaves nothing after it to measure them against; the head's rows are cut to those written.
 */
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
  return state.kind === AggregateKind.Pairs && state.keepsEvidence;
}

/**
 * Whether a part can be merged: every group whose first row pairs with the consumer's last
 * row of it kept that row to cite it (see partStart). Joining the parts needs its evidence.
 */
export function canMerge(state: ConsumerColumns, part: ConsumerPart): boolean {
  if (!checksMerge(state) || state.failure || part.failure) return true;
  const later = part.columns as PartColumns;
  return part.keys.every((key, index) => {
    if (later.headRecord[index] !== undefined) return true;
    const slot = state.slots ? state.slots.find(key) : 0;
    if (slot === undefined || !(slot < state.known.length && state.known[slot])) return true;
    const headAt = later.headAt[index] as number;
    // A first row older than the group's last one makes the merge fail anyway (out of order).
    return headAt < state.lastAt[slot] || !crosses(state, slot, headAt, later.headDiffer[index]);
  });
}

/**
 * Adds the state of the part of the file that follows the part the consumer read (read by
 * another thread, `later`), so that the result is the one a single reading would give: the
 * first rows of each group are joined to the last ones before them (a pair across the cut,
 * a window straddling it, a row out of order at the cut). The merged state is read for the
 * results only: a group's window is then no longer the one ending at its last row.
 */
export function mergeLater(state: ConsumerColumns, part: ConsumerPart): void {
  if (state.failure) return;
  const kind = state.kind;
  const slots = part.keys.map((key) => state.slotFor(key));
  const later = part.columns as PartColumns;
  let failure = part.failure;
  if (kind === AggregateKind.Pairs || kind === AggregateKind.Window) {
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
      // Nothing before it: the later part's state is the group's whole state.
      for (const field of fields) state.columns[field][slot] = later[field][index];
      return;
    }
    if (kind === AggregateKind.Pairs) joinPairs(state, slot, later, index);
    else if (kind === AggregateKind.Window) joinWindows(state, slot, later, index);
    else if (kind !== AggregateKind.Keys) joinCounts(state, slot, later, index);
  });
}

/**
 * Merges a later pass's part into the consumers (in order of creation, with their signatures);
 * false, and nothing merged, when the other pass did not build the same consumers or a part lacks evidence.
 */
export function mergePass(consumers: readonly ConsumerColumns[], signatures: readonly string[], part: PassPart): boolean {
  if (part.signatures.length !== signatures.length || part.signatures.some((signature, index) => signature !== signatures[index])) return false;
  // The parts of consumers that may lack evidence are checked before anything is merged; the
  // others are made (deserialized) one at a time as they are merged.
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
