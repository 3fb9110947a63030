import type { DataRecord, InputError, ScanOptions, ScanRange, ScanResult, SkippedRow, Snapshot, Table } from '../snapshot/snapshot-types.js';
import type { FactDefinition, Rule } from '../rules/rule-types.js';
import { parisDateOf } from '../util/dates.js';
import { appendAll } from '../util/append-all.js';
import { stableStringify } from '../util/stable-stringify.js';
import { GarbageBudget } from '../util/collect-garbage.js';
import { referencesIn, resolveValue } from '../facts/expressions.js';
import type { EvaluationContext, Scope } from '../facts/scope.js';
import type { StreamResults } from '../facts/streamed-facts.js';
import { compiledFact } from '../rules/compile-fact.js';
import { factColumns } from '../rules/fact-columns.js';
import { INSTANT_FIELDS, STREAMED_SOURCES } from '../snapshot/table-schemas.js';
import { addRead, readOf, type TableReads } from '../snapshot/table-read.js';
import { KeySlots } from './key-slots.js';
import { OutOfOrder } from './out-of-order.js';
import { exportPart, mergePass, type PassPart } from './pass-part.js';
import { isRowDependent } from './row-references.js';
import { StreamConsumer } from './stream-consumer.js';

/** How much the heap may grow while a pass reads a table, checked every SCAN_BUDGET_ROWS rows (a power of two): V8 waits for it to double (docs/PERFORMANCE.md). */
const SCAN_GARBAGE_BUDGET = 32 * 1024 * 1024;
const SCAN_BUDGET_ROWS = 16_384;

/** The options of a StreamPass. */
export interface StreamOptions {
  lenient?: boolean;
  onProgress?: (event: { file: string; rows: number; done: boolean }) => void;
  /** The records of a rule's entities (when they come from a held table), to skip rows no entity joins. */
  entityRecords?: (rule: Rule) => readonly Readonly<Record<string, unknown>>[];
  /** This pass reads a later part of the file, to be merged into the pass that reads the part before it. */
  later?: boolean;
}

/** What a pass's scan met besides the rows: bad rows, what was read of each streamed file, and where a range's reading stopped. */
export interface PassScan {
  readonly errors: InputError[];
  readonly skipped: SkippedRow[];
  /** File → rows read, line ends, encoding (the input manifest; summed over both threads' parts). */
  readonly reads: TableReads;
  readonly whole: boolean;
  readonly nextLine?: number;
}

/** One pass over each streamed table for every rule that reads it (its facts and, when it visits the table, its entity keys); two threads may read two parts. */
export class StreamPass {
  private readonly failures = new Map<Rule, string>();
  private readonly consumers = new Map<string, StreamConsumer[]>();
  private readonly owners = new Map<StreamConsumer, { rule: Rule; definition: FactDefinition }[]>();
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
    // Not `entityRecords`: its entities would be kept for as long as the pass.
    this.scanOptions = { lenient: options.lenient ?? false, onProgress: options.onProgress };
    // Rules that need the same aggregate (every rule visiting the users seen in the traces) share one consumer.
    const bySignature = new Map<string, StreamConsumer>();
    const add = (rule: Rule, definition: FactDefinition, baseScope: Scope, entityKeys: boolean) => {
      const signature = stableStringify([definition, entityKeys, staticReferences(definition, baseScope)]);
      let consumer = bySignature.get(signature);
      if (!consumer) {
        consumer = new StreamConsumer(definition, baseScope, entityKeys, options.later ?? false);
        bySignature.set(signature, consumer);
        const source = String(definition.from);
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
          if (compiledFact(definition).streamed) add(rule, definition, baseScope, false);
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

  /** Reads each streamed table (the rows of `range` only, when given) into the consumers; `whole`: the reading went on to the file's end, else `nextLine` starts the range's end. */
  async scan(range?: ScanRange): Promise<PassScan> {
    const errors: InputError[] = [];
    const skipped: SkippedRow[] = [];
    const reads: TableReads = {};
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
      appendAll(errors, outcome.errors);
      appendAll(skipped, outcome.skipped);
      if (table.scan) addRead(reads, table.file, readOf(outcome));
      if (outcome.whole === false) {
        whole = false;
        nextLine = outcome.nextLine;
      }
    }
    return { errors, skipped, reads, whole, ...(nextLine !== undefined ? { nextLine } : {}) };
  }

  /** The consumers' states after reading a later part (this pass was built with `later`). */
  exportPart(scanned: Pick<PassScan, 'errors' | 'skipped' | 'reads'>, line: number): PassPart {
    return {
      signatures: this.signatures,
      line,
      consumers: this.all.map(({ consumer }) => exportPart(consumer)),
      errors: [...scanned.errors],
      skipped: [...scanned.skipped],
      reads: scanned.reads,
    };
  }

  /** Merges the state of the part of the file that follows this pass's; false (and nothing merged) when it cannot. */
  mergeLater(part: PassPart): boolean {
    return mergePass(this.all.map(({ consumer }) => consumer), this.signatures, part);
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

/** Two rules share a consumer when the definition and the values of what it refers to are the same (those of a row, a lookup or an entity vary). */
function staticReferences(definition: FactDefinition, baseScope: Scope): unknown[][] {
  const lookupNames = new Set(Object.keys(definition.lookups ?? {}));
  return referencesIn(definition).map((reference) => [reference, isRowDependent(reference, lookupNames) || reference.startsWith('$record.') ? null : resolveValue(reference, baseScope)]);
}

/** The join keys whose groups the consumer's rules will read (their entities' values); undefined (every key) when one visits the streamed table. */
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
export function datesRead(definitions: readonly FactDefinition[]): [string, string][] {
  const names = new Set<string>();
  for (const definition of definitions) {
    for (const column of factColumns(definition, compiledFact(definition))) if (/^[a-z][a-z0-9_]*_date$/.test(column)) names.add(column);
  }
  return [...names].map((name) => [name, name.slice(0, -'_date'.length)]);
}

/** Iterates a table's rows whether it is held (JSON, fixtures: all of them, whatever the range) or streamed (CSV traces). */
async function scanTable(table: Table, visit: (record: DataRecord) => void, options: ScanOptions): Promise<ScanResult> {
  if (table.scan) return table.scan(visit, options);
  for (const record of table.records) visit(record);
  return { rows: table.records.length, errors: [], skipped: [], ...(options.range?.end !== undefined ? { whole: true } : {}) };
}
