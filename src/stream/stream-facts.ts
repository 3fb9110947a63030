import type { DataRecord, InputError, ScanOptions, ScanRange, ScanResult, SkippedRow, Snapshot, Table } from '../snapshot/snapshot-types.js';
import type { FactDefinition, Rule, WhereClause } from '../rules/rule-types.js';
import { isIsoDate, parisDateOf, parseDuration } from '../util/dates.js';
import { stableStringify } from '../util/stable-stringify.js';
import { fieldValue, isReference, referencesIn, resolveValue } from '../facts/expressions.js';
import type { EvaluationContext, Scope } from '../facts/scope.js';
import { keyPart } from '../util/memo-key.js';
import { GarbageBudget } from '../util/collect-garbage.js';
import { isStreamFact, joinOf, type StreamAggregate, type StreamResults } from '../facts/streamed-facts.js';
import { INSTANT_FIELDS, STREAMED_SOURCES } from '../snapshot/table-schemas.js';
import { activeWithin, compileFieldMatcher, fieldMatches, grantDate, NOT_EXISTS, resolveExpected, selectRecords } from '../facts/where.js';

/** Evidence lines a trace fact keeps (OBLIGATIONS.md: at most 20 per finding, plus the total). */
export const EVIDENCE_LIMIT = 20;

/**
 * How much the heap may grow over what it holds alive while a pass reads a streamed table
 * (GarbageBudget, made when the pass starts, with a collection when the heap is already past
 * it: what the rules before left; checked every SCAN_BUDGET_ROWS rows, a power of two). The
 * aggregates' arrays, regrown as
 * users come, and the rows cited as evidence reach V8's old generation, which V8 collects once
 * it has doubled: at a million traces, 254–262 MiB instead of 272–285 (3 million: 267–270
 * instead of 296–298), 0.03 s more (alternate runs, 5 and 3 each).
 */
const SCAN_GARBAGE_BUDGET = 32 * 1024 * 1024;
const SCAN_BUDGET_ROWS = 16_384;

/** The file a streamed table is read from, for evidence lines. */
function streamedFile(scope: Scope, definition: FactDefinition): string {
  return scope.context.snapshot.tables.get(definition.from as string)?.file ?? String(definition.from);
}

/** A row older than the previous row of its group, for a sequence aggregate. */
class OutOfOrder extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}`);
  }
}

/** Why a consumer stopped: the first row out of order, by line (`file:line`). */
export interface ConsumerFailure {
  readonly message: string;
  readonly line: number;
}

/**
 * The empty evidence list of the groups that cite nothing, shared; frozen, so that a push on
 * it fails loudly.
 */
const NO_RECORDS = Object.freeze([]) as unknown as DataRecord[];

/**
 * The fields of a group's state. A consumer holds one column per field, indexed by the slot of
 * the group's join key, and only the columns its kind of aggregate uses grow: an object per
 * group and per consumer (with arrays for its window and the first rows of a later part) took
 * about 2 KB per user: 47 MB of the worker's 103 at a million traces. The state holds
 * numbers and short strings, not rows: a row kept until the same user's next row outlives the
 * young generation, and a million of them make the garbage collector the slowest part of the pass.
 *
 * - count: rows taken (close_pairs: pairs found); records: the evidence rows (EVIDENCE_LIMIT).
 * - extreme, extremeLine: the value of a min/max and its row's line.
 * - lastAt, lastDiffer, lastLine: the last row of a sequence aggregate (close_pairs, busiest_window).
 * - involved, pairedLine: the rows that belong to a close pair, and the last of them.
 * - window, windowStart, windowEnd: the rows of the current window of busiest_window, as
 *   instant and line interleaved in one array, from windowStart to windowEnd (numbers, stored
 *   unboxed); best, bestRows: the size of the busiest window so far and its first rows, alike.
 * - head…: only in a later part of the file (read from its middle, StreamConsumer.later), the
 *   group's first row (headLine, headAt, headDiffer), the row itself when it is evidence and
 *   may pair with a row of the earlier part (headRecord, see StreamConsumer.partStart), whether
 *   it paired with the next row (headPaired), and for busiest_window the rows within the window
 *   after it (headRows up to headEnd), whose windows may reach into the earlier part: they
 *   are joined to the groups of that part by StreamConsumer.mergeLater.
 */
type StateField =
  | 'count'
  | 'records'
  | 'extreme'
  | 'extremeLine'
  | 'lastAt'
  | 'lastDiffer'
  | 'lastLine'
  | 'involved'
  | 'pairedLine'
  | 'window'
  | 'windowStart'
  | 'windowEnd'
  | 'best'
  | 'bestRows'
  | 'headLine'
  | 'headAt'
  | 'headDiffer'
  | 'headRecord'
  | 'headPaired'
  | 'headRows'
  | 'headEnd';

/** The value a field of a new group starts with. */
const INITIAL: Readonly<Record<StateField, unknown>> = {
  count: 0,
  records: undefined,
  extreme: undefined,
  extremeLine: 0,
  lastAt: Number.NaN,
  lastDiffer: undefined,
  lastLine: 0,
  involved: 0,
  pairedLine: 0,
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
};

/** The fields of a state that merging reads, the others being left out of an exported part. */
type PartField = Exclude<StateField, 'window' | 'windowStart' | 'windowEnd' | 'headEnd'>;

/** A consumer's groups' states, by field: one column of each, by slot. */
type Columns = { readonly [F in StateField]: unknown[] };

/** A consumer's part, made when it is a worker's bytes. */
function partOf(part: ConsumerPart | (() => ConsumerPart)): ConsumerPart {
  return typeof part === 'function' ? part() : part;
}

/** What a streamed fact aggregates (`count` and `exists` both count rows; Keys: the groups a `for_each` visits, no state). */
const enum AggregateKind {
  Keys,
  Count,
  Min,
  Max,
  Pairs,
  Window,
}

/** The fields of each kind of aggregate, in the order parts carry them. */
const FIELDS: Readonly<Record<AggregateKind, readonly StateField[]>> = {
  [AggregateKind.Keys]: [],
  [AggregateKind.Count]: ['count', 'records'],
  [AggregateKind.Min]: ['count', 'extreme', 'extremeLine'],
  [AggregateKind.Max]: ['count', 'extreme', 'extremeLine'],
  [AggregateKind.Pairs]: ['count', 'involved', 'records', 'lastAt', 'lastDiffer', 'lastLine', 'pairedLine'],
  [AggregateKind.Window]: ['count', 'lastAt', 'window', 'windowStart', 'windowEnd', 'best', 'bestRows'],
};

/** The fields a later part adds, by kind. */
const HEAD_FIELDS: Readonly<Record<AggregateKind, readonly StateField[]>> = {
  [AggregateKind.Keys]: [],
  [AggregateKind.Count]: [],
  [AggregateKind.Min]: [],
  [AggregateKind.Max]: [],
  [AggregateKind.Pairs]: ['headLine', 'headAt', 'headDiffer', 'headRecord', 'headPaired'],
  [AggregateKind.Window]: ['headLine', 'headAt', 'headRows', 'headEnd'],
};

/** Whether a field crosses threads with a part. */
function isPartField(field: StateField): field is PartField {
  return field !== 'window' && field !== 'windowStart' && field !== 'windowEnd' && field !== 'headEnd';
}

/**
 * Writes a row (instant, line) at `end` of an interleaved array of rows, in place, or in a copy
 * twice as long when it is full (a new array holds two rows): the arrays of the tens of
 * thousands of quiet users stay that small, where an array grown by push holds 17 numbers.
 */
function withRow(rows: number[] | undefined, end: number, at: number, line: number): number[] {
  if (rows === undefined) return [at, line, 0, 0];
  const into = end === rows.length ? rows.concat(rows) : rows;
  into[end] = at;
  into[end + 1] = line;
  return into;
}

/** One streamed fact (or streamed `for_each`) compiled against the snapshot. */
class StreamConsumer {
  /** Whether a slot's group has taken a row, and the slots in order of their first row. */
  private readonly known: boolean[] = [];
  private readonly order: number[] = [];
  /** The groups' states (see StateField); the same arrays all along, written in place. */
  private readonly columns: Columns;
  private readonly count: number[] = [];
  private readonly records: (DataRecord[] | undefined)[] = [];
  private readonly extreme: unknown[] = [];
  private readonly extremeLine: number[] = [];
  private readonly lastAt: number[] = [];
  private readonly lastDiffer: unknown[] = [];
  private readonly lastLine: number[] = [];
  private readonly involved: number[] = [];
  private readonly pairedLine: number[] = [];
  private readonly window: (number[] | undefined)[] = [];
  private readonly windowStart: number[] = [];
  private readonly windowEnd: number[] = [];
  private readonly best: number[] = [];
  private readonly bestRows: (number[] | undefined)[] = [];
  private readonly headLine: number[] = [];
  private readonly headAt: number[] = [];
  private readonly headDiffer: unknown[] = [];
  private readonly headRecord: (DataRecord | undefined)[] = [];
  private readonly headPaired: boolean[] = [];
  private readonly headRows: (number[] | undefined)[] = [];
  private readonly headEnd: number[] = [];
  /** The numbering of the join field's keys, shared with the other consumers joined on it. */
  slots?: KeySlots;
  /**
   * The join keys whose aggregate some rule will read (its entities come from a held table:
   * the departed users), or undefined when every key counts. Rows of other keys are skipped.
   */
  wanted?: ReadonlySet<string>;
  private readonly wantedBySlot: (boolean | undefined)[] = [];
  readonly join?: { rowField: string; recordField: string };
  private readonly tests: ((row: Readonly<Record<string, unknown>>, scope: Scope) => boolean)[];
  private readonly lookups: { name: string; from: string; where?: WhereClause; key: (scope: Scope) => unknown; memo: Map<unknown, unknown> }[];
  private readonly scope: { -readonly [K in keyof Scope]: Scope[K] };
  private readonly lookupNames: ReadonlySet<string>;
  private readonly withinMs: number = 0;
  /**
   * What the fact aggregates, and the fields it reads, fixed once: `update` runs for every row
   * and consumer, and reading them from the rule's definition there (objects of as many shapes
   * as there are facts) cost more than the aggregation.
   */
  private readonly kind: AggregateKind;
  /** The ordering field of a sequence, the field whose change makes a pair, the field of a min/max. */
  private readonly orderBy: string = '';
  private readonly differ: string = '';
  private readonly extremeField: string = '';
  /** Only facts marked `evidence: true` keep the lines they rest on. */
  private readonly keepsEvidence: boolean;
  private readonly file: string;
  /** Reading a later part of the file (from its middle): groups keep their head (the head… fields). */
  readonly later: boolean;
  /** The fields of this consumer's groups: those of its kind, and in a later part their head's. */
  private readonly fields: readonly StateField[];
  /**
   * In a later part, the instant of the first row this consumer took (close_pairs). In a file
   * in time order, every row of the earlier part is older: only a group whose first row comes
   * less than `within` after it can pair across the cut, and only those keep that row as
   * evidence (a few hundred users' rows instead of 23,000 at a million traces). Should a
   * file out of time order pair one of the others across the cut, the parts are not merged
   * (canMerge) and the main thread reads the later part itself.
   */
  private partStart = Number.NaN;
  /** Set by the first row out of order: the consumer takes no more rows. */
  failure?: ConsumerFailure;

  constructor(
    readonly rule: Rule,
    readonly definition: FactDefinition,
    private readonly baseScope: Scope,
    readonly entityKeys: boolean,
    later: boolean,
  ) {
    const where = definition.where as WhereClause | undefined;
    this.join = joinOf(where);
    this.later = later;
    this.keepsEvidence = definition.evidence === true && !entityKeys;
    this.file = streamedFile(baseScope, definition);
    const lookupNames = new Set(Object.keys(definition.lookups ?? {}));
    this.lookupNames = lookupNames;
    this.lookups = Object.entries((definition.lookups ?? {}) as Record<string, { from: string; where?: WhereClause }>).map(([name, lookup]) => ({
      name,
      from: lookup.from,
      where: lookup.where,
      key: memoKeyOf(referencesIn(lookup.where), lookupNames),
      memo: new Map(),
    }));
    // `row` is in the literal: the scope keeps one shape, set on every row.
    this.scope = { ...baseScope, facts: { ...baseScope.facts }, row: undefined };
    this.tests = Object.entries(where ?? {})
      .filter(([field]) => field !== this.join?.rowField)
      .map(([field, expected]) => this.compileTest(field, expected));
    const sequence = (definition.close_pairs ?? definition.busiest_window) as { within?: unknown; order_by?: string; differ?: string } | undefined;
    this.kind = entityKeys ? AggregateKind.Keys : aggregateKind(definition);
    this.fields = later ? [...FIELDS[this.kind], ...HEAD_FIELDS[this.kind]] : FIELDS[this.kind];
    if (sequence) {
      this.orderBy = sequence.order_by as string;
      this.differ = sequence.differ ?? '';
      const duration = parseDuration(resolveValue(sequence.within, baseScope));
      if (!duration) throw new Error(`durée invalide : ${String(sequence.within)}`);
      this.withinMs = duration.as('milliseconds');
    }
    if (this.kind === AggregateKind.Min || this.kind === AggregateKind.Max) this.extremeField = (definition.min ?? definition.max) as string;
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
    };
  }

  /** A row predicate; static operands are resolved once, those naming `$row` or a lookup once per distinct value. */
  private compileTest(field: string, expected: unknown): (row: Readonly<Record<string, unknown>>, scope: Scope) => boolean {
    const asOf = this.baseScope.context.asOf;
    if (field === NOT_EXISTS) return compileNotExists(expected as { from: string; where?: WhereClause }, this.lookupNames, asOf);
    const references = referencesIn(expected);
    if (references.some((reference) => isRowDependent(reference, this.lookupNames))) {
      // Memoised per distinct value of the references (a person's departure date): the
      // matcher is compiled once per value.
      const keyOf = memoKeyOf(references, this.lookupNames);
      const memo = new Map<unknown, (row: Readonly<Record<string, unknown>>) => boolean>();
      return (row, scope) => {
        const key = keyOf(scope);
        let matcher = memo.get(key);
        if (matcher === undefined) {
          matcher = compileFieldMatcher(field, resolveExpected(expected, scope), asOf);
          remember(memo, key, matcher);
        }
        return matcher(row);
      };
    }
    const matcher = compileFieldMatcher(field, resolveExpected(expected, this.baseScope), asOf);
    return (row) => matcher(row);
  }

  /** The key of a slot (`''` for a consumer that is not joined). */
  private keyOf(slot: number): string {
    return this.slots ? this.slots.keys[slot] : '';
  }

  /** The join keys of the groups, in order of first acceptance. */
  groupKeys(): string[] {
    return this.order.map((slot) => this.keyOf(slot));
  }

  /** Takes one row, whose join key has slot `slot` (-1: no key; 0 for a consumer that is not joined). */
  accept(record: DataRecord, slot: number): void {
    if (slot < 0) return;
    if (this.wanted !== undefined) {
      let wanted = slot < this.wantedBySlot.length ? this.wantedBySlot[slot] : undefined;
      if (wanted === undefined) {
        wanted = this.wanted.has(this.keyOf(slot));
        setAt(this.wantedBySlot, slot, wanted);
      }
      if (!wanted) return;
    }
    const row = record.values;
    const scope = this.rowScope(row);
    for (const test of this.tests) if (!test(row, scope)) return;
    if (slot >= this.known.length || !this.known[slot]) this.open(slot);
    this.update(record, slot);
  }

  /**
   * Starts the group of a slot: the columns of its kind are extended to it with the values of
   * a group that saw nothing (the slots before it that no row reached keep them too: the
   * columns stay packed arrays).
   */
  private open(slot: number): void {
    while (this.known.length <= slot) this.known.push(false);
    this.known[slot] = true;
    this.order.push(slot);
    for (const field of this.fields) {
      const column = this.columns[field];
      while (column.length <= slot) column.push(INITIAL[field]);
    }
  }

  /**
   * The scope row filters resolve against: one object per consumer, pointed at each row in
   * turn (a fresh object per row costs more than the filter), with the row's lookups as facts.
   */
  private rowScope(row: Readonly<Record<string, unknown>>): Scope {
    const scope = this.scope;
    scope.row = row;
    for (const lookup of this.lookups) {
      const key = lookup.key(scope);
      let found = lookup.memo.get(key);
      if (found === undefined) {
        found = selectRecords(lookup.from, lookup.where, scope)[0]?.values ?? null;
        remember(lookup.memo, key, found);
      }
      scope.facts[lookup.name] = found ?? undefined;
    }
    return scope;
  }

  private update(record: DataRecord, slot: number): void {
    switch (this.kind) {
      case AggregateKind.Keys:
        return;
      case AggregateKind.Pairs:
        return this.updatePairs(record, slot);
      case AggregateKind.Window:
        return this.updateWindow(record, slot);
      case AggregateKind.Min:
      case AggregateKind.Max:
        return this.updateExtreme(record, slot);
      default:
        this.count[slot]++;
        if (this.keepsEvidence) this.cite(slot, record);
    }
  }

  /** Adds an evidence line to a group, up to EVIDENCE_LIMIT. */
  private cite(slot: number, record: DataRecord): void {
    const records = this.records[slot];
    if (records === undefined) this.records[slot] = [record];
    else if (records.length < EVIDENCE_LIMIT) records.push(record);
  }

  private updatePairs(record: DataRecord, slot: number): void {
    const row = record.values;
    const at = row[this.orderBy] as number;
    const lastAt = this.lastAt[slot];
    if (at < lastAt) throw new OutOfOrder(record.file, record.line);
    const differ = row[this.differ];
    if (this.later && this.headLine[slot] === 0) {
      this.headLine[slot] = record.line;
      this.headAt[slot] = at;
      this.headDiffer[slot] = differ;
      if (Number.isNaN(this.partStart)) this.partStart = at;
      if (this.keepsEvidence && at - this.partStart < this.withinMs) this.headRecord[slot] = record;
    }
    const lastDiffer = this.lastDiffer[slot];
    if (differ !== undefined && lastDiffer !== undefined && differ !== lastDiffer && at - lastAt < this.withinMs) {
      this.count[slot]++;
      // A row between two switches (A, B, A) belongs to both pairs: count and cite it once.
      const lastLine = this.lastLine[slot];
      if (this.pairedLine[slot] !== lastLine) {
        if (this.later && this.headLine[slot] === lastLine) this.headPaired[slot] = true;
        this.involved[slot]++;
        if (this.keepsEvidence) this.cite(slot, this.previousRow(slot));
      }
      this.involved[slot]++;
      this.pairedLine[slot] = record.line;
      if (this.keepsEvidence) this.cite(slot, record);
    }
    this.lastAt[slot] = at;
    this.lastDiffer[slot] = differ;
    this.lastLine[slot] = record.line;
  }

  private updateWindow(record: DataRecord, slot: number): void {
    const at = record.values[this.orderBy] as number;
    if (at < this.lastAt[slot]) throw new OutOfOrder(record.file, record.line);
    this.lastAt[slot] = at;
    this.count[slot]++;
    this.pushRow(slot, at, record.line);
    let inHead = false;
    if (this.later) {
      if (this.headLine[slot] === 0) {
        this.headLine[slot] = record.line;
        this.headAt[slot] = at;
      }
      // A window ending here may hold rows of the earlier part: it is measured when the parts are joined.
      if (at - this.headAt[slot] < this.withinMs) {
        inHead = true;
        const end = this.headEnd[slot];
        this.headRows[slot] = withRow(this.headRows[slot], end, at, record.line);
        this.headEnd[slot] = end + 2;
      }
    }
    if (!inHead) this.measureWindow(slot);
  }

  /**
   * Adds a row to a group's window and drops the rows that left it. The rows that left stay
   * in the array until it is full; then, when they are half of it, the others move to its
   * front, else it doubles: in place, as the window of a busy user slides on.
   */
  private pushRow(slot: number, at: number, line: number): void {
    let rows = this.window[slot];
    let start = this.windowStart[slot];
    let end = this.windowEnd[slot];
    if (rows !== undefined && end === rows.length && start * 2 >= end) {
      for (let index = start; index < end; index++) rows[index - start] = rows[index];
      end -= start;
      start = 0;
    }
    rows = withRow(rows, end, at, line);
    this.window[slot] = rows;
    end += 2;
    while (start < end && at - rows[start] >= this.withinMs) start += 2;
    this.windowStart[slot] = start;
    this.windowEnd[slot] = end;
  }

  private updateExtreme(record: DataRecord, slot: number): void {
    this.count[slot]++;
    const value = fieldValue(record.values, this.extremeField);
    if (value === undefined || value === null) return;
    if (this.beats(value, this.extreme[slot])) {
      this.extreme[slot] = value;
      this.extremeLine[slot] = record.line;
    }
  }

  /** Whether a value replaces the group's extreme so far (none yet: it does; a tie does not). */
  private beats(value: unknown, extreme: unknown): boolean {
    if (extreme === undefined) return true;
    return this.kind === AggregateKind.Min ? (value as number) < (extreme as number) : (value as number) > (extreme as number);
  }

  /**
   * The window ending at the group's last row, kept when it is the largest so far
   * (busiest_window): its first rows are copied over the previous copy when it has room.
   */
  private measureWindow(slot: number): void {
    const start = this.windowStart[slot];
    const size = (this.windowEnd[slot] - start) / 2;
    if (size <= this.best[slot]) return;
    this.best[slot] = size;
    if (!this.keepsEvidence) return;
    const rows = this.window[slot]!;
    const length = Math.min(size, EVIDENCE_LIMIT) * 2;
    const best = this.bestRows[slot];
    if (best === undefined || best.length < length) this.bestRows[slot] = rows.slice(start, start + length);
    else for (let index = 0; index < length; index++) best[index] = rows[start + index];
  }

  /** The evidence line of the row before a close pair, rebuilt from the group's state (close_pairs). */
  private previousRow(slot: number): DataRecord {
    const values = { [this.join?.rowField ?? 'key']: this.keyOf(slot), [this.orderBy]: this.lastAt[slot], [this.differ]: this.lastDiffer[slot] };
    return { table: this.definition.from as string, file: this.file, line: this.lastLine[slot], values };
  }

  /** The slot of a join key, numbering it when new (`''`: a consumer that is not joined). */
  private slotFor(key: string): number {
    return this.slots ? this.slots.slotOf(key) : 0;
  }

  /**
   * This consumer's state after reading a part of the file, for StreamPass.mergeLater: the
   * column of each field its kind of aggregate merges, one value per group in order (tens of
   * thousands of users cross threads as a few arrays rather than as that many objects). The
   * groups' windows are left out: the part read last leaves nothing after it to measure them
   * against; the head's rows are cut to those written.
   */
  exportPart(): ConsumerPart {
    const columns: Partial<Record<PartField, unknown[]>> = {};
    for (const field of this.fields) {
      if (!isPartField(field)) continue;
      const column = this.columns[field];
      columns[field] = field === 'headRows' ? this.order.map((slot) => this.headRows[slot]?.slice(0, this.headEnd[slot])) : this.order.map((slot) => column[slot]);
    }
    return { ...(this.failure ? { failure: this.failure } : {}), keys: this.groupKeys(), columns };
  }

  /** Whether parts must pass canMerge before they are merged. */
  get checksMerge(): boolean {
    return this.kind === AggregateKind.Pairs && this.keepsEvidence;
  }

  /**
   * Whether a part can be merged: every group whose first row pairs with this consumer's last
   * row of it kept that row to cite it (see partStart). Joining the parts needs its evidence.
   */
  canMerge(part: ConsumerPart): boolean {
    if (!this.checksMerge || this.failure || part.failure) return true;
    const later = part.columns as Readonly<Record<PartField, readonly unknown[]>>;
    return part.keys.every((key, index) => {
      if (later.headRecord[index] !== undefined) return true;
      const slot = this.slots ? this.slots.find(key) : 0;
      if (slot === undefined || !(slot < this.known.length && this.known[slot])) return true;
      const headAt = later.headAt[index] as number;
      // A first row older than the group's last one makes the merge fail anyway (out of order).
      return headAt < this.lastAt[slot] || !this.crosses(slot, headAt, later.headDiffer[index]);
    });
  }

  /** Whether the first row of a later part (its instant and its `differ` value) pairs with the group's last row. */
  private crosses(slot: number, headAt: number, headDiffer: unknown): boolean {
    const lastDiffer = this.lastDiffer[slot];
    return headDiffer !== undefined && lastDiffer !== undefined && headDiffer !== lastDiffer && headAt - this.lastAt[slot] < this.withinMs;
  }

  /**
   * Adds the state of the part of the file that follows the part this consumer read (read by
   * another thread, `later`), so that the result is the one a single reading would give: the
   * first rows of each group are joined to the last ones before them (a pair across the cut,
   * a window straddling it, a row out of order at the cut). The merged state is read for the
   * results only: a group's window is then no longer the one ending at its last row.
   */
  mergeLater(part: ConsumerPart): void {
    if (this.failure) return;
    const slots = part.keys.map((key) => this.slotFor(key));
    const later = part.columns as Readonly<Record<PartField, readonly unknown[]>>;
    let failure = part.failure;
    if (this.kind === AggregateKind.Pairs || this.kind === AggregateKind.Window) {
      slots.forEach((slot, index) => {
        const line = later.headLine[index] as number;
        const known = slot < this.known.length && this.known[slot];
        if (known && (later.headAt[index] as number) < this.lastAt[slot] && (failure === undefined || line < failure.line)) {
          failure = { message: `${this.file}:${line}`, line };
        }
      });
    }
    if (failure) {
      this.failure = failure;
      return;
    }
    const fields = FIELDS[this.kind].filter(isPartField);
    slots.forEach((slot, index) => {
      const known = slot < this.known.length && this.known[slot];
      if (!known) this.open(slot);
      if (!known && this.kind !== AggregateKind.Window) {
        // Nothing before it: the later part's state is the group's whole state.
        for (const field of fields) this.columns[field][slot] = later[field][index];
        return;
      }
      if (this.kind === AggregateKind.Pairs) this.joinPairs(slot, later, index);
      else if (this.kind === AggregateKind.Window) this.joinWindows(slot, later, index);
      else if (this.kind !== AggregateKind.Keys) this.joinCounts(slot, later, index);
    });
  }

  private joinPairs(slot: number, later: Readonly<Record<PartField, readonly unknown[]>>, index: number): void {
    const headLine = later.headLine[index] as number;
    const headAt = later.headAt[index] as number;
    const crossing = this.crosses(slot, headAt, later.headDiffer[index]);
    if (crossing) {
      this.count[slot]++;
      if (this.pairedLine[slot] !== this.lastLine[slot]) {
        this.involved[slot]++;
        if (this.keepsEvidence) this.cite(slot, this.previousRow(slot));
      }
      this.involved[slot]++;
      this.pairedLine[slot] = headLine;
      if (this.keepsEvidence) this.cite(slot, later.headRecord[index] as DataRecord);
    }
    // Read alone, the later part counted (and cited first) its first row again when it paired with the next.
    const counted = crossing && (later.headPaired[index] as boolean);
    const records = (later.records[index] as DataRecord[] | undefined) ?? NO_RECORDS;
    this.count[slot] += later.count[index] as number;
    this.involved[slot] += (later.involved[index] as number) - (counted ? 1 : 0);
    for (const record of counted ? records.slice(1) : records) this.cite(slot, record);
    const pairedLine = later.pairedLine[index] as number;
    if (pairedLine !== 0) this.pairedLine[slot] = pairedLine;
    this.lastAt[slot] = later.lastAt[index] as number;
    this.lastDiffer[slot] = later.lastDiffer[index];
    this.lastLine[slot] = later.lastLine[index] as number;
  }

  private joinWindows(slot: number, later: Readonly<Record<PartField, readonly unknown[]>>, index: number): void {
    // The windows that end on the later part's first rows, now with the earlier rows they hold.
    const head = (later.headRows[index] as number[] | undefined) ?? [];
    for (let row = 0; row < head.length; row += 2) {
      this.pushRow(slot, head[row], head[row + 1]);
      this.measureWindow(slot);
    }
    // The windows that end further hold rows of the later part only: measured there.
    const best = later.best[index] as number;
    if (best > this.best[slot]) {
      this.best[slot] = best;
      this.bestRows[slot] = later.bestRows[index] as number[] | undefined;
    }
    this.count[slot] += later.count[index] as number;
    this.lastAt[slot] = later.lastAt[index] as number;
  }

  private joinCounts(slot: number, later: Readonly<Record<PartField, readonly unknown[]>>, index: number): void {
    this.count[slot] += later.count[index] as number;
    if (this.kind === AggregateKind.Min || this.kind === AggregateKind.Max) {
      // Ties keep the earlier row, as a single reading does.
      const extreme = later.extreme[index];
      if (extreme !== undefined && this.beats(extreme, this.extreme[slot])) {
        this.extreme[slot] = extreme;
        this.extremeLine[slot] = later.extremeLine[index] as number;
      }
      return;
    }
    for (const record of (later.records[index] as DataRecord[] | undefined) ?? NO_RECORDS) this.cite(slot, record);
  }

  /** The aggregate of each group; evidence rows rebuilt from what the state kept. */
  results(): Map<string, StreamAggregate> {
    const results = new Map<string, StreamAggregate>();
    const definition = this.definition;
    const table = definition.from as string;
    const keyField = this.join?.rowField ?? 'key';
    const line = (number: number, values: Record<string, unknown>): DataRecord => ({ table, file: this.file, line: number, values });
    for (const slot of this.order) {
      const key = this.keyOf(slot);
      const records = this.records[slot] ?? NO_RECORDS;
      if (this.kind === AggregateKind.Pairs) results.set(key, { value: this.count[slot], records, total: this.involved[slot] });
      else if (this.kind === AggregateKind.Window) results.set(key, new WindowAggregate(this.best[slot], this.bestRows[slot], { table, file: this.file, keyField, key, order: this.orderBy }));
      else if (this.kind === AggregateKind.Min || this.kind === AggregateKind.Max) {
        const extreme = this.extreme[slot];
        const cited = this.keepsEvidence && extreme !== undefined ? [line(this.extremeLine[slot], { [keyField]: key, [this.extremeField]: extreme })] : [];
        results.set(key, { value: extreme ?? null, records: cited, total: cited.length });
      } else if (definition.exists) results.set(key, { value: this.count[slot] > 0, records, total: this.count[slot] });
      else results.set(key, { value: this.count[slot], records, total: this.count[slot] });
    }
    return results;
  }
}

/**
 * The busiest window of a group: its evidence lines are built when a finding cites them, not
 * for each of the tens of thousands of users whose windows are quiet.
 */
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

/** The aggregate of a streamed fact; the aggregates a pass cannot compute row by row make the rule not evaluated, never a count. */
function aggregateKind(definition: FactDefinition): AggregateKind {
  if (definition.close_pairs) return AggregateKind.Pairs;
  if (definition.busiest_window) return AggregateKind.Window;
  if (definition.min !== undefined) return AggregateKind.Min;
  if (definition.max !== undefined) return AggregateKind.Max;
  const unsupported = ['count_distinct', 'first', 'values'].find((kind) => kind in definition);
  if (unsupported) throw new Error(`agrégat « ${unsupported} » impossible sur une table lue en flux (${String(definition.from)})`);
  return AggregateKind.Count;
}

/**
 * Stores at a slot, filling the slots before it: the arrays indexed by slot stay packed (a
 * consumer that sees only a few high slots, the departed users, made them sparse, and the
 * code reading every consumer's array was compiled again and again by V8).
 */
function setAt<T>(array: (T | undefined)[], slot: number, value: T): void {
  while (array.length < slot) array.push(undefined);
  array[slot] = value;
}

/**
 * The keys of one join field (`user_id`) numbered in order of first appearance: one hash
 * lookup per row for all the consumers joined on the field, which then index arrays.
 */
class KeySlots {
  readonly keys: string[] = [];
  private readonly slots = new Map<string, number>();

  slotOf(key: string): number {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      // A key cut from a large chunk of text would keep the whole chunk alive: store a copy.
      const copy = JSON.parse(JSON.stringify(key)) as string;
      this.slots.set(copy, slot);
      this.keys.push(copy);
    }
    return slot;
  }

  /** The slot of a key already numbered, else undefined. */
  find(key: string): number | undefined {
    return this.slots.get(key);
  }
}

function isRowDependent(reference: string, lookupNames: ReadonlySet<string>): boolean {
  const root = reference.slice(1).split('.')[0];
  return root === 'row' || lookupNames.has(root);
}

/** Memo tables stay bounded: a few hundred thousand distinct keys at most. */
function remember<K, V>(memo: Map<K, V>, key: K, value: V): void {
  if (memo.size > 100_000) memo.clear();
  memo.set(key, value);
}

/**
 * A function giving, for the current row, a memo key made of the values of the references:
 * the value itself when there is one reference (no string building per row), else their join.
 */
function memoKeyOf(references: readonly string[], lookupNames: ReadonlySet<string>): (scope: Scope) => unknown {
  const readers = references.map((reference) => compileReference(reference, lookupNames));
  if (readers.length === 1) return readers[0];
  return (scope) => {
    let key = '';
    for (const read of readers) key += keyPart(read(scope));
    return key;
  };
}

/** A reader for a `$row.field` or `$lookup.field` reference, the commonest per-row reads. */
function compileReference(reference: string, lookupNames: ReadonlySet<string>): (scope: Scope) => unknown {
  const [root, field, ...rest] = reference.slice(1).split('.');
  if (field !== undefined && rest.length === 0 && root === 'row') return (scope) => fieldValue(scope.row!, field);
  if (field !== undefined && rest.length === 0 && lookupNames.has(root)) {
    return (scope) => {
      const found = scope.facts[root] as Record<string, unknown> | undefined;
      return found === undefined || found === null ? undefined : fieldValue(found, field);
    };
  }
  return (scope) => resolveValue(reference, scope);
}

/**
 * A `not_exists` sub-query run for each row: the records of the first equality come from the
 * index, and the other conditions read the row's values directly (no memo key to build, no
 * resolved clause to allocate). Clauses of another shape take the general path, memoised on
 * the values of the references they read.
 */
function compileNotExists(query: { from: string; where?: WhereClause }, lookupNames: ReadonlySet<string>, asOf: string): (row: Readonly<Record<string, unknown>>, scope: Scope) => boolean {
  const entries = Object.entries(query.where ?? {});
  const direct = (expected: unknown) => isReference(expected) || (expected !== null && typeof expected !== 'object');
  const indexAt = entries.findIndex(([field, expected]) => field !== 'active_at' && field !== NOT_EXISTS && direct(expected));
  const simple = entries.every(([field, expected]) => field !== NOT_EXISTS && (direct(expected) || (Array.isArray(expected) && expected.every(direct))));
  if (indexAt < 0 || !simple) {
    const keyOf = memoKeyOf(referencesIn(query.where), lookupNames);
    const memo = new Map<unknown, boolean>();
    return (_row, scope) => {
      const key = keyOf(scope);
      let none = memo.get(key);
      if (none === undefined) {
        none = selectRecords(query.from, query.where, scope).length === 0;
        remember(memo, key, none);
      }
      return none;
    };
  }
  const reader = (expected: unknown) => (isReference(expected) ? compileReference(expected, lookupNames) : () => expected);
  const [indexField, indexExpected] = entries[indexAt];
  const indexValue = reader(indexExpected);
  // The other conditions: the values they compare with are read once per row, then each
  // candidate record is tested against them.
  const tests = entries
    .filter((_, position) => position !== indexAt)
    .map(([field, expected]) => ({
      field,
      kind: field === 'active_at' ? ('active' as const) : Array.isArray(expected) ? ('in' as const) : ('match' as const),
      readers: (Array.isArray(expected) ? expected : [expected]).map(reader),
      current: [] as unknown[],
    }));
  // Each value of the index field's candidates, projected once on what the tests read (the
  // field of an `in`, the grant's dates of an `active_at`): a trace row then compares
  // a few values in one array instead of walking each candidate's record.
  const width = tests.reduce((sum, test) => sum + (test.kind === 'active' ? 2 : 1), 0);
  const projections = new Map<unknown, Projection>();
  // The cells are written into an array of their exact size: one per user lives through the
  // pass, and an array grown by push holds at least 17 values.
  const project = (candidates: readonly DataRecord[]): Projection => {
    const cells: unknown[] = new Array(candidates.length * width);
    let cell = 0;
    for (const record of candidates) {
      const values = record.values;
      for (const test of tests) {
        if (test.kind === 'active') {
          cells[cell++] = grantDate(values.granted_on);
          cells[cell++] = grantDate(values.revoked_on);
        } else cells[cell++] = test.kind === 'in' ? fieldValue(values, test.field) : undefined;
      }
    }
    return { records: candidates, cells };
  };
  let byValue: ReadonlyMap<unknown, readonly DataRecord[]> | undefined;
  return (_row, scope) => {
    const value = indexValue(scope);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      // An absent value equals nothing; another shape is the general path's to judge.
      return value === undefined || value === null ? true : selectRecords(query.from, query.where, scope).length === 0;
    }
    let projection = projections.get(value);
    if (projection === undefined) {
      byValue ??= scope.context.index.fieldIndex(query.from, indexField);
      projection = project(byValue.get(value) ?? []);
      remember(projections, value, projection);
    }
    const { records, cells } = projection;
    if (records.length === 0) return true;
    for (const test of tests) for (let item = 0; item < test.readers.length; item++) test.current[item] = test.readers[item](scope);
    search: for (let candidate = 0; candidate < records.length; candidate++) {
      let cell = candidate * width;
      for (const test of tests) {
        if (test.kind === 'active') {
          const date = test.current[0];
          const granted = cells[cell] as string | undefined;
          const revoked = cells[cell + 1] as string | undefined;
          cell += 2;
          if (!isIsoDate(date) || !activeWithin(granted, revoked, date)) continue search;
        } else if (test.kind === 'in') {
          // Membership as Array.prototype.includes decides it (an absent item matches an absent field).
          const field = cells[cell++];
          let found = false;
          for (const expected of test.current) {
            if (expected === field || (expected !== expected && field !== field)) {
              found = true;
              break;
            }
          }
          if (!found) continue search;
        } else {
          cell++;
          if (!fieldMatches(records[candidate].values, test.field, test.current[0], asOf)) continue search;
        }
      }
      return false;
    }
    return true;
  };
}

/** The candidates of one value of a `not_exists` index field, and their values that the tests read, `width` per candidate. */
interface Projection {
  readonly records: readonly DataRecord[];
  readonly cells: readonly unknown[];
}

/**
 * The join keys of a consumer's groups that its rules will read: the union of their entities'
 * values of the joined field. Undefined (every key) when a rule visits the streamed table itself.
 */
function wantedKeys(
  consumer: StreamConsumer,
  owners: readonly { rule: Rule }[],
  entityRecords: (rule: Rule) => readonly Readonly<Record<string, unknown>>[],
): Set<string> | undefined {
  const join = consumer.join;
  if (!join || consumer.entityKeys) return undefined;
  const keys = new Set<string>();
  for (const { rule } of owners) {
    if (STREAMED_SOURCES.has(rule.for_each.from)) return undefined;
    for (const record of entityRecords(rule)) {
      // As streamedFact reads it when the rule visits the entity.
      const value = record[join.recordField];
      if (value !== undefined && value !== null) keys.add(String(value));
    }
  }
  return keys;
}

/** The `X_date` fields the definitions read, with their timestamp field X. */
function datesRead(definitions: readonly FactDefinition[]): [string, string][] {
  const names = new Set<string>();
  for (const definition of definitions) for (const match of JSON.stringify(definition).matchAll(/\b([a-z][a-z0-9_]*)_date\b/g)) names.add(match[0]);
  return [...names].map((name) => [name, name.slice(0, -'_date'.length)]);
}


/** Iterates a table's rows whether it is held (JSON, fixtures: all of them, whatever the range) or streamed (CSV traces). */
async function scanTable(table: Table, visit: (record: DataRecord) => void, options: ScanOptions): Promise<ScanResult> {
  if (table.scan) return table.scan(visit, options);
  for (const record of table.records) visit(record);
  return { rows: table.records.length, errors: [], skipped: [], ...(options.range?.end !== undefined ? { whole: true } : {}) };
}

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
  /** Each consumer's part, or what makes it when it is merged (a worker's bytes: src/engine/stream-in-worker.ts). */
  readonly consumers: readonly (ConsumerPart | (() => ConsumerPart))[];
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
}

interface StreamOptions {
  lenient?: boolean;
  onProgress?: (event: { file: string; rows: number; done: boolean }) => void;
  /** The records of a rule's entities (when they come from a held table), to skip rows no entity joins. */
  entityRecords?: (rule: Rule) => readonly Readonly<Record<string, unknown>>[];
  /** This pass reads a later part of the file, to be merged into the pass that reads the part before it. */
  later?: boolean;
}

/**
 * One pass over each streamed table for every rule that reads it: the facts it declares over
 * the table and, when it visits the table itself, its entity keys. `staticFacts` are each
 * rule's facts that do not depend on the entity (a cut-off date), which row filters may use.
 * The traces may be read in two parts by two threads (`scan` with a range): the pass over the
 * later part exports its state (`exportPart`), which the pass over the earlier part merges.
 */
export class StreamPass {
  private readonly failures = new Map<Rule, string>();
  private readonly consumers = new Map<string, StreamConsumer[]>();
  private readonly owners = new Map<StreamConsumer, { rule: Rule; definition: FactDefinition }[]>();
  /** Consumers in order of creation, with their signatures. */
  private readonly all: { consumer: StreamConsumer; signature: string }[] = [];
  private readonly keySlots = new Map<string, Map<string, KeySlots>>();
  private readonly scanOptions: Pick<ScanOptions, 'lenient' | 'onProgress'>;

  constructor(
    private readonly snapshot: Snapshot,
    rules: readonly Rule[],
    private readonly context: EvaluationContext,
    staticFacts: ReadonlyMap<Rule, Record<string, unknown>>,
    options: StreamOptions = {},
  ) {
    // What scanning reads of the options; not `entityRecords`, whose entities (held by the
    // caller that evaluates them, if any) would be kept for as long as the pass.
    this.scanOptions = { lenient: options.lenient ?? false, onProgress: options.onProgress };
    // Rules that need the same aggregate (every rule visiting the users seen in the traces) share one consumer.
    const bySignature = new Map<string, StreamConsumer>();
    const add = (rule: Rule, definition: FactDefinition, baseScope: Scope, entityKeys: boolean) => {
      // Two rules share a consumer when the definition and the values of what it refers to are the same.
      const references = referencesIn(definition).map((reference) => [reference, isRowDependent(reference, new Set(Object.keys(definition.lookups ?? {}))) || reference.startsWith('$record.') ? null : resolveValue(reference, baseScope)]);
      const signature = stableStringify([definition, entityKeys, references]);
      let consumer = bySignature.get(signature);
      if (!consumer) {
        consumer = new StreamConsumer(rule, definition, baseScope, entityKeys, options.later ?? false);
        bySignature.set(signature, consumer);
        const source = definition.from as string;
        this.consumers.set(source, [...(this.consumers.get(source) ?? []), consumer]);
        this.owners.set(consumer, []);
        this.all.push({ consumer, signature });
      }
      this.owners.get(consumer)!.push({ rule, definition });
    };
    for (const rule of rules) {
      const baseScope: Scope = { context, params: rule.params, facts: { ...(staticFacts.get(rule) ?? {}) } };
      try {
        if (STREAMED_SOURCES.has(rule.for_each.from)) {
          const key = rule.for_each.group_by?.[0];
          if (!key || rule.for_each.group_by!.length !== 1) throw new Error('for_each sur une table lue en flux : un seul champ group_by');
          const entityWhere = { ...(rule.for_each.where ?? {}), [key]: `$record.${key}` };
          add(rule, { from: rule.for_each.from, where: entityWhere, count: true }, baseScope, true);
        }
        for (const definition of Object.values(rule.facts)) {
          if (isStreamFact(definition)) add(rule, definition, baseScope, false);
        }
      } catch (error) {
        this.failures.set(rule, (error as Error).message);
      }
    }
    if (options.entityRecords) for (const [consumer, list] of this.owners) consumer.wanted = wantedKeys(consumer, list, options.entityRecords);
    for (const [source, list] of this.consumers) {
      const joinFields = [...new Set(list.flatMap((consumer) => (consumer.join ? [consumer.join.rowField] : [])))];
      const slots = new Map(joinFields.map((field) => [field, new KeySlots()]));
      this.keySlots.set(source, slots);
      for (const consumer of list) if (consumer.join) consumer.slots = slots.get(consumer.join.rowField);
    }
  }

  /** The streamed tables this pass reads (those some rule aggregates). */
  get sources(): ReadonlySet<string> {
    return new Set(this.consumers.keys());
  }

  /** What the consumers are: the same list on both threads, or their states cannot be merged. */
  get signatures(): string[] {
    return this.all.map(({ signature }) => signature);
  }

  /**
   * Reads each streamed table (the rows of `range` only, when given) into the consumers. For a
   * range with an end, `whole` tells whether the reading went on to the end of the file (the
   * range ended inside a record), and `nextLine` the line the range's end starts.
   */
  async scan(range?: ScanRange): Promise<{ errors: InputError[]; skipped: SkippedRow[]; whole: boolean; nextLine?: number }> {
    const errors: InputError[] = [];
    const skipped: SkippedRow[] = [];
    let whole = true;
    let nextLine: number | undefined;
    const context = this.context;
    for (const [source, list] of this.consumers) {
      const table = this.snapshot.tables.get(source);
      if (!table) continue;
      let active = list.filter((consumer) => consumer.failure === undefined);
      const dateFields = datesRead(list.map((consumer) => consumer.definition));
      const slotsByField = this.keySlots.get(source)!;
      const joinFields = [...slotsByField.keys()];
      const keySlots = [...slotsByField.values()];
      // For each active consumer, the position of its join field in joinFields (-1: not joined).
      let joinPositions = active.map((consumer) => (consumer.join ? joinFields.indexOf(consumer.join.rowField) : -1));
      const rowSlots = joinFields.map(() => -1);
      const instantField = INSTANT_FIELDS.get(source);
      const budget = new GarbageBudget(SCAN_GARBAGE_BUDGET);
      let rows = 0;
      const outcome = await scanTable(
        table,
        (record) => {
          if ((++rows & (SCAN_BUDGET_ROWS - 1)) === 0) budget.check();
          const values = record.values as Record<string, unknown>;
          const instant = instantField === undefined ? undefined : values[instantField];
          const instantDate = typeof instant === 'number' ? parisDateOf(instant) : undefined;
          if (instantDate !== undefined && instantDate > context.asOf) return;
          // `at_date` is read by several rules: work it out once per row.
          for (const [name, base] of dateFields) {
            const at = values[base];
            if (typeof at === 'number' && values[name] === undefined) values[name] = base === instantField ? instantDate : parisDateOf(at);
          }
          for (let position = 0; position < joinFields.length; position++) {
            const key = values[joinFields[position]];
            rowSlots[position] = key === undefined || key === null ? -1 : keySlots[position].slotOf(String(key));
          }
          for (let position = 0; position < active.length; position++) {
            const consumer = active[position];
            const join = joinPositions[position];
            try {
              consumer.accept(record, join < 0 ? 0 : rowSlots[join]);
            } catch (error) {
              if (!(error instanceof OutOfOrder)) throw error;
              consumer.failure = { message: error.message, line: error.line };
              joinPositions = joinPositions.filter((_, index) => active[index] !== consumer);
              active = active.filter((candidate) => candidate !== consumer);
              position--;
            }
          }
        },
        { ...this.scanOptions, ...(range ? { range } : {}) },
      );
      errors.push(...outcome.errors);
      skipped.push(...outcome.skipped);
      if (outcome.whole === false) {
        whole = false;
        nextLine = outcome.nextLine;
      }
    }
    return { errors, skipped, whole, ...(nextLine !== undefined ? { nextLine } : {}) };
  }

  /** The consumers' states after reading a later part (this pass was built with `later`). */
  exportPart(scanned: { errors: readonly InputError[]; skipped: readonly SkippedRow[] }, line: number): PassPart {
    return { signatures: this.signatures, line, consumers: this.all.map(({ consumer }) => consumer.exportPart()), errors: [...scanned.errors], skipped: [...scanned.skipped] };
  }

  /**
   * Merges the state of the part of the file that follows the part this pass read; false (and
   * nothing merged) when the other pass did not build the same consumers.
   */
  mergeLater(part: PassPart): boolean {
    const signatures = this.signatures;
    if (part.signatures.length !== signatures.length || part.signatures.some((signature, index) => signature !== signatures[index])) return false;
    // The parts of consumers that may lack evidence are checked before anything is merged; the
    // others are made (deserialized) one at a time as they are merged.
    const checked = new Map<number, ConsumerPart>();
    for (const [index, { consumer }] of this.all.entries()) {
      if (!consumer.checksMerge) continue;
      const consumerPart = partOf(part.consumers[index]);
      if (!consumer.canMerge(consumerPart)) return false;
      checked.set(index, consumerPart);
    }
    this.all.forEach(({ consumer }, index) => consumer.mergeLater(checked.get(index) ?? partOf(part.consumers[index])));
    return true;
  }

  /** The streamed facts and entities, and the rules that could not be aggregated. */
  results(): StreamResults {
    const results: StreamResults = { facts: new Map(), entities: new Map(), failures: new Map(this.failures) };
    for (const { consumer } of this.all) {
      const owners = this.owners.get(consumer)!;
      if (consumer.failure) {
        for (const owner of owners) results.failures.set(owner.rule, consumer.failure.message);
        continue;
      }
      const aggregates = consumer.entityKeys ? undefined : consumer.results();
      for (const owner of owners) {
        if (consumer.entityKeys) results.entities.set(owner.rule, consumer.groupKeys());
        else results.facts.set(owner.definition, aggregates!);
      }
    }
    return results;
  }
}
