import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { FactDefinition } from '../rules/rule-types.js';
import { compiledFact } from '../rules/compile-fact.js';
import { parseDuration } from '../util/dates.js';
import { resolveValue } from '../facts/expressions.js';
import type { Scope } from '../facts/scope.js';
import { AggregateKind, aggregateKind } from './aggregate-kind.js';
import type { KeySlots } from './key-slots.js';
import type { ConsumerFailure } from './out-of-order.js';

/** The fields of a group's state, one column each, indexed by the slot of its join key: objects per group cost far more memory (docs/PERFORMANCE.md). */
export type StateField =
  // Rows taken (close_pairs: pairs found), and the evidence rows (EVIDENCE_LIMIT).
  | 'count'
  | 'records'
  | 'extreme'
  | 'extremeLine'
  | 'lastAt'
  | 'lastDiffer'
  | 'lastLine'
  // The rows that belong to a close pair, and the last of them.
  | 'involved'
  | 'pairedLine'
  // close_returns: the first row of the current run, the last row of the run before it.
  | 'runAt'
  | 'runLine'
  | 'prevAt'
  | 'prevDiffer'
  | 'prevLine'
  // busiest_window: the current window's rows (from windowStart to windowEnd), the busiest so far and its first rows.
  | 'window'
  | 'windowStart'
  | 'windowEnd'
  | 'best'
  | 'bestRows'
  // A later part only: the group's first row, whether it is evidence that may pair across the cut (partStart), and the rows within a window after it.
  | 'headLine'
  | 'headAt'
  | 'headDiffer'
  | 'headRecord'
  | 'headPaired'
  | 'headRows'
  | 'headEnd'
  // A later part's first switch (close_returns), the last row before it, and whether the part cited either.
  | 'switchAt'
  | 'switchLine'
  | 'switchDiffer'
  | 'switchRecord'
  | 'headEndLine'
  | 'headCitedEnd'
  | 'headCitedSwitch';

/** The value a field of a new group starts with. */
export const INITIAL: Readonly<Record<StateField, unknown>> = {
  count: 0,
  records: undefined,
  extreme: undefined,
  extremeLine: 0,
  lastAt: Number.NaN,
  lastDiffer: undefined,
  lastLine: 0,
  involved: 0,
  pairedLine: 0,
  runAt: Number.NaN,
  runLine: 0,
  prevAt: Number.NaN,
  prevDiffer: undefined,
  prevLine: 0,
  window: undefined,
  windowStart: 0,
  windowEnd: 0,
  best: 0,
  bestRows: undefined,
  headLine: 0,
  headAt: Number.NaN,
  headDiffer: undefined,
  headRecord: undefined,
  headPaired: false,
  headRows: undefined,
  headEnd: 0,
  switchAt: Number.NaN,
  switchLine: 0,
  switchDiffer: undefined,
  switchRecord: undefined,
  headEndLine: 0,
  headCitedEnd: false,
  headCitedSwitch: false,
};

/** The fields of a state that merging reads, the others being left out of an exported part. */
export type PartField = Exclude<StateField, 'window' | 'windowStart' | 'windowEnd' | 'headEnd'>;

/** Whether a field crosses threads with a part. */
export function isPartField(field: StateField): field is PartField {
  return field !== 'window' && field !== 'windowStart' && field !== 'windowEnd' && field !== 'headEnd';
}

/** A consumer's groups' states, by field: one column of each, by slot. */
export type Columns = { readonly [F in StateField]: unknown[] };

/** The columns of a later part, one value per group in the part's order. */
export type PartColumns = Readonly<Record<PartField, readonly unknown[]>>;

/** The fields of each kind of aggregate, in the order parts carry them. */
export const FIELDS: Readonly<Record<AggregateKind, readonly StateField[]>> = {
  [AggregateKind.Keys]: [],
  [AggregateKind.Count]: ['count', 'records'],
  [AggregateKind.Min]: ['count', 'extreme', 'extremeLine'],
  [AggregateKind.Max]: ['count', 'extreme', 'extremeLine'],
  [AggregateKind.Pairs]: ['count', 'involved', 'records', 'lastAt', 'lastDiffer', 'lastLine', 'pairedLine'],
  [AggregateKind.Returns]: ['count', 'involved', 'records', 'lastAt', 'lastDiffer', 'lastLine', 'pairedLine', 'runAt', 'runLine', 'prevAt', 'prevDiffer', 'prevLine'],
  [AggregateKind.Window]: ['count', 'lastAt', 'window', 'windowStart', 'windowEnd', 'best', 'bestRows'],
};

/** The fields a later part adds, by kind. */
export const HEAD_FIELDS: Readonly<Record<AggregateKind, readonly StateField[]>> = {
  [AggregateKind.Keys]: [],
  [AggregateKind.Count]: [],
  [AggregateKind.Min]: [],
  [AggregateKind.Max]: [],
  [AggregateKind.Pairs]: ['headLine', 'headAt', 'headDiffer', 'headRecord', 'headPaired'],
  [AggregateKind.Returns]: ['headLine', 'headAt', 'headDiffer', 'headRecord', 'switchAt', 'switchLine', 'switchDiffer', 'switchRecord', 'headEndLine', 'headCitedEnd', 'headCitedSwitch'],
  [AggregateKind.Window]: ['headLine', 'headAt', 'headRows', 'headEnd'],
};

/** Writes a row (instant, line) at `end` of an interleaved array, in place or in a copy twice as long when full: push would grow quiet users' arrays larger (docs/PERFORMANCE.md). */
export function withRow(rows: number[] | undefined, end: number, at: number, line: number): number[] {
  if (rows === undefined) return [at, line, 0, 0];
  const into = end === rows.length ? rows.concat(rows) : rows;
  into[end] = at;
  into[end + 1] = line;
  return into;
}

/** Stores at a slot, filling the slots before it: sparse arrays made V8 compile their readers again and again. */
export function setAt<T>(array: (T | undefined)[], slot: number, value: T): void {
  while (array.length < slot) array.push(undefined);
  array[slot] = value;
}

/** A consumer's groups' states by column and what the aggregate functions read of the fact; StreamConsumer extends it, so those functions see one shape. */
export class ConsumerColumns {
  /** Whether a slot's group has taken a row, and the slots in order of their first row. */
  readonly known: boolean[] = [];
  readonly order: number[] = [];
  readonly columns: Columns;
  readonly count: number[] = [];
  readonly records: (DataRecord[] | undefined)[] = [];
  readonly extreme: unknown[] = [];
  readonly extremeLine: number[] = [];
  readonly lastAt: number[] = [];
  readonly lastDiffer: unknown[] = [];
  readonly lastLine: number[] = [];
  readonly involved: number[] = [];
  readonly pairedLine: number[] = [];
  readonly runAt: number[] = [];
  readonly runLine: number[] = [];
  readonly prevAt: number[] = [];
  readonly prevDiffer: unknown[] = [];
  readonly prevLine: number[] = [];
  readonly window: (number[] | undefined)[] = [];
  readonly windowStart: number[] = [];
  readonly windowEnd: number[] = [];
  readonly best: number[] = [];
  readonly bestRows: (number[] | undefined)[] = [];
  readonly headLine: number[] = [];
  readonly headAt: number[] = [];
  readonly headDiffer: unknown[] = [];
  readonly headRecord: (DataRecord | undefined)[] = [];
  readonly headPaired: boolean[] = [];
  readonly headRows: (number[] | undefined)[] = [];
  readonly headEnd: number[] = [];
  readonly switchAt: number[] = [];
  readonly switchLine: number[] = [];
  readonly switchDiffer: unknown[] = [];
  readonly switchRecord: (DataRecord | undefined)[] = [];
  readonly headEndLine: number[] = [];
  readonly headCitedEnd: boolean[] = [];
  readonly headCitedSwitch: boolean[] = [];
  /** The numbering of the join field's keys, shared with the other consumers joined on it. */
  slots?: KeySlots;
  readonly kind: AggregateKind;
  readonly withinMs: number = 0;
  /** The ordering field of a sequence, the field whose change makes a pair (or a run), the field of a min/max. */
  readonly orderBy: string = '';
  readonly differ: string = '';
  readonly extremeField: string = '';
  /** Only facts marked `evidence: true` keep the lines they rest on. */
  readonly keepsEvidence: boolean;
  /** The streamed table, its file (for evidence lines) and the field its rows' keys are cited under. */
  readonly table: string;
  readonly file: string;
  readonly keyField: string;
  /** Reading a later part of the file (from its middle): groups keep their head (the head… fields). */
  readonly later: boolean;
  readonly fields: readonly StateField[];
  /** In a later part, the instant of the first row taken (close_pairs, close_returns): only a group whose first rows come less than `within` after it can pair or return across the cut. */
  partStart = Number.NaN;
  /** Set by the first row out of order: the consumer takes no more rows. */
  failure?: ConsumerFailure;

  constructor(
    readonly definition: FactDefinition,
    baseScope: Scope,
    readonly entityKeys: boolean,
    later: boolean,
    readonly join: { rowField: string; recordField: string } | undefined,
  ) {
    this.later = later;
    this.keepsEvidence = definition.evidence === true && !entityKeys;
    this.table = String(definition.from);
    this.file = baseScope.context.snapshot.tables.get(this.table)?.file ?? this.table;
    this.keyField = join?.rowField ?? 'key';
    const sequence = definition.close_pairs ?? definition.close_returns ?? definition.busiest_window;
    this.kind = entityKeys ? AggregateKind.Keys : aggregateKind(definition);
    this.fields = later ? [...FIELDS[this.kind], ...HEAD_FIELDS[this.kind]] : FIELDS[this.kind];
    if (sequence) {
      this.orderBy = sequence.order_by;
      this.differ = (definition.close_pairs ?? definition.close_returns)?.differ ?? '';
      const duration = parseDuration(resolveValue(sequence.within, baseScope));
      if (!duration) throw new Error(`durée invalide : ${String(sequence.within)}`);
      this.withinMs = duration.as('milliseconds');
    }
    if (this.kind === AggregateKind.Min || this.kind === AggregateKind.Max) this.extremeField = String(compiledFact(definition).field);
    this.columns = {
      count: this.count,
      records: this.records,
      extreme: this.extreme,
      extremeLine: this.extremeLine,
      lastAt: this.lastAt,
      lastDiffer: this.lastDiffer,
      lastLine: this.lastLine,
      involved: this.involved,
      pairedLine: this.pairedLine,
      runAt: this.runAt,
      runLine: this.runLine,
      prevAt: this.prevAt,
      prevDiffer: this.prevDiffer,
      prevLine: this.prevLine,
      window: this.window,
      windowStart: this.windowStart,
      windowEnd: this.windowEnd,
      best: this.best,
      bestRows: this.bestRows,
      headLine: this.headLine,
      headAt: this.headAt,
      headDiffer: this.headDiffer,
      headRecord: this.headRecord,
      headPaired: this.headPaired,
      headRows: this.headRows,
      headEnd: this.headEnd,
      switchAt: this.switchAt,
      switchLine: this.switchLine,
      switchDiffer: this.switchDiffer,
      switchRecord: this.switchRecord,
      headEndLine: this.headEndLine,
      headCitedEnd: this.headCitedEnd,
      headCitedSwitch: this.headCitedSwitch,
    };
  }

  /** The key of a slot (`''` for a consumer that is not joined). */
  keyOf(slot: number): string {
    return this.slots ? this.slots.keys[slot] : '';
  }

  /** The slot of a join key, numbering it when new (`''`: a consumer that is not joined). */
  slotFor(key: string): number {
    return this.slots ? this.slots.slotOf(key) : 0;
  }

  groupKeys(): string[] {
    return this.order.map((slot) => this.keyOf(slot));
  }

  /** Starts the group of a slot: its kind's columns are extended to it with INITIAL values (packed arrays). */
  open(slot: number): void {
    while (this.known.length <= slot) this.known.push(false);
    this.known[slot] = true;
    this.order.push(slot);
    for (const field of this.fields) {
      const column = this.columns[field];
      while (column.length <= slot) column.push(INITIAL[field]);
    }
  }
}
