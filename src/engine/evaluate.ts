import type { InputError, ScanRange, SkippedRow, Snapshot } from '../snapshot/snapshot-types.js';
import { mergePartErrors } from '../snapshot/read-header.js';
import { addRead, addReads, readOf, type TableReads } from '../snapshot/table-read.js';
import type { Lang, Rule } from '../rules/rule-types.js';
import type { SharedFacts } from '../rules/load-rules.js';
import { deriveFact } from '../facts/derive-facts.js';
import { RecordIndex } from '../facts/record-index.js';
import type { DerivedFact, EvaluationContext, Scope } from '../facts/scope.js';
import type { PassPart } from '../stream/pass-part.js';
import { StreamPass } from '../stream/stream-pass.js';
import type { Report } from '../report/report-types.js';
import { VERSION } from '../util/version.js';
import { appendAll } from '../util/append-all.js';
import { CappedErrors, CappedSkipped } from '../snapshot/error-cap.js';

type ReadErrors = { readonly errors: readonly InputError[]; readonly skipped: readonly SkippedRow[] };
import { GarbageBudget } from '../util/collect-garbage.js';
import { compareFindings } from './build-finding.js';
import type { EntityList } from './entities.js';
import { summarize } from '../report/summarize.js';
import { entitiesOf, evaluateRule } from './evaluate-rule.js';
import { preflight } from './preflight.js';
import { readsStreams } from './reads-streams.js';
import type { RuleOutcome } from './rule-outcome.js';
import { staticFactsOf, valuesOf } from './static-facts.js';

/** How an evaluation runs: its date and language, and how the traces are read. */
export interface EvaluateOptions {
  readonly asOf: string;
  readonly lang: Lang;
  /** Skip trace rows that do not parse instead of failing (`--lenient`). */
  readonly lenient?: boolean;
  readonly onProgress?: (event: { file: string; rows: number; done: boolean }) => void;
  /** The traces cut at `boundary` (a line's first byte): this thread reads up to it, a worker the rest, whose pass `later` hands over (undefined when it failed). */
  readonly split?: { readonly boundary: number; readonly later: () => Promise<PassPart | undefined> };
  /** Read the streamed tables no rule reads too, for their input errors (`vigie check`; not `vigie deadlines`, which runs a few rules). */
  readonly checkUnread?: boolean;
}

/** The report, or the input errors found while streaming the traces (no report then). */
export interface Evaluation {
  readonly report?: Report;
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
  /** What was read of each streamed file, on one thread or two (the input manifest's rows, line ends…). */
  readonly reads: TableReads;
}

/** Evaluates every rule over a snapshot as of a date, into a report (or the input errors of the traces). */
export async function evaluate(snapshot: Snapshot, rules: readonly Rule[], shared: SharedFacts, options: EvaluateOptions): Promise<Evaluation> {
  const context = createContext(snapshot, shared, options);
  const outcomes = new Map<Rule, RuleOutcome>();
  const { errors, skipped, reads } = await evaluateHere(rules, context, outcomes, options);
  if (errors.length > 0) return { errors, skipped, reads };
  const ordered = rules.map((rule) => outcomes.get(rule)!);
  const findings = ordered.flatMap((outcome) => outcome.findings).sort(compareFindings);
  const statuses = ordered.map((outcome) => outcome.status);
  const partner = (snapshot.partner.data.partner ?? {}) as Record<string, unknown>;
  const report: Report = {
    tool: { name: 'vigie', version: VERSION },
    asOf: options.asOf,
    snapshot: {
      path: snapshot.path,
      partner: String(partner.name ?? ''),
      ...(typeof partner.siret === 'string' ? { siret: partner.siret } : {}),
      ...(typeof context.sharedFacts.management_mode === 'string' ? { managementMode: context.sharedFacts.management_mode } : {}),
    },
    summary: summarize(findings, statuses, 0),
    findings,
    rules: statuses,
  };
  return { report, errors: [], skipped, reads };
}

/** Heap growth allowed while the rules that do not read the traces run, before a collection (docs/PERFORMANCE.md). */
const RULES_GARBAGE_BUDGET = 48 * 1024 * 1024;

/** Evaluates rules into `outcomes`: those lacking data or not applying first, then those not reading the traces, then the traces once for the rest. */
async function evaluateHere(
  rules: readonly Rule[],
  context: EvaluationContext,
  outcomes: Map<Rule, RuleOutcome>,
  options: EvaluateOptions,
): Promise<StreamsRead> {
  const pending: Rule[] = [];
  for (const rule of rules) {
    const settled = await preflight(rule, context);
    if (settled) outcomes.set(rule, settled);
    else pending.push(rule);
  }
  const staticFacts = new Map(pending.map((rule) => [rule, staticFactsOf(rule, context)]));
  const streamRules = pending.filter(readsStreams);
  const budget = new GarbageBudget(RULES_GARBAGE_BUDGET);
  for (const rule of pending) {
    if (readsStreams(rule)) continue;
    outcomes.set(rule, await evaluateRule(rule, context, staticFacts.get(rule)!));
    budget.check();
    // Let the worker's progress messages (and the terminal view) through between rules.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { pass, heldEntities } = streamPassOf(streamRules, context, staticFacts, options, false);
  const read = await readStreams(pass, options);
  // A streamed table no rule reads is still read for its input errors: a bad row is never passed over.
  for (const table of options.checkUnread ? context.snapshot.tables.values() : []) {
    if (!table.scan || pass.sources.has(table.name)) continue;
    const checked = await table.scan(() => undefined, { lenient: options.lenient, onProgress: options.onProgress });
    appendAll(read.errors, checked.errors);
    appendAll(read.skipped, checked.skipped);
    addRead(read.reads, table.file, readOf(checked));
  }
  if (read.errors.length > 0) return read;
  const traced: EvaluationContext = { ...context, streams: pass.results() };
  for (const rule of streamRules) outcomes.set(rule, await evaluateRule(rule, traced, staticFacts.get(rule)!, heldEntities.get(rule)));
  return read;
}

/** The streaming pass of the trace rules, on either thread; a rule over a held table has its entities enumerated once, to name the rows the pass keeps. */
function streamPassOf(
  streamRules: readonly Rule[],
  context: EvaluationContext,
  staticFacts: ReadonlyMap<Rule, ReadonlyMap<string, DerivedFact>>,
  options: EvaluateOptions,
  later: boolean,
): { pass: StreamPass; heldEntities: Map<Rule, EntityList> } {
  const staticValues = new Map([...staticFacts].filter(([rule]) => streamRules.includes(rule)).map(([rule, facts]) => [rule, valuesOf(facts)]));
  const heldEntities = new Map<Rule, EntityList>();
  const entityRecords = (rule: Rule) => {
    let entities = heldEntities.get(rule);
    if (!entities) {
      entities = entitiesOf(rule, context);
      heldEntities.set(rule, entities);
    }
    const list = entities;
    return Array.from({ length: list.length }, (_, index) => list.entityAt(index).record);
  };
  const pass = new StreamPass(context.snapshot, streamRules, context, staticValues, { lenient: options.lenient, onProgress: options.onProgress, entityRecords, later });
  return { pass, heldEntities };
}

/** Reads the traces into the pass, whole or up to the boundary merged with the worker's part; should the worker fail or the cut fall in a record, this thread reads the rest. */
async function readStreams(pass: StreamPass, options: EvaluateOptions): Promise<StreamsRead> {
  const split = options.split;
  const first = await pass.scan(split ? { start: 0, line: 1, end: split.boundary } : undefined);
  if (!split || first.whole) return first;
  const later = await split.later();
  // The rows of the file are those of both parts, whichever thread read the second.
  const second = later && later.line === first.nextLine && pass.mergeLater(later) ? later : await pass.scan({ start: split.boundary, line: first.nextLine! });
  const reads: TableReads = {};
  addReads(reads, first.reads);
  addReads(reads, second.reads);
  return { ...joinParts(first, second), reads };
}

/** What reading the streamed tables met: bad rows, and what was read of each file. */
interface StreamsRead {
  readonly errors: InputError[];
  readonly skipped: SkippedRow[];
  readonly reads: TableReads;
}

/** The errors and skipped rows of two parts of a file, listed up to the cap of one file (error-cap.ts), the others counted; a header error both parts meet is said once. */
function joinParts(first: ReadErrors, later: ReadErrors): { errors: InputError[]; skipped: SkippedRow[] } {
  const errors = new CappedErrors();
  const skipped = new CappedSkipped();
  errors.addAll(mergePartErrors(first.errors, later.errors));
  for (const part of [first, later]) skipped.addAll(part.skipped);
  return { errors: errors.toArray(), skipped: skipped.toArray() };
}

/** The worker's side of a split reading: the preflight and pass `evaluate` builds for the trace rules, over the later part only. */
export async function readLaterPart(snapshot: Snapshot, rules: readonly Rule[], shared: SharedFacts, options: EvaluateOptions, range: ScanRange): Promise<PassPart> {
  const context = createContext(snapshot, shared, options);
  const streamRules: Rule[] = [];
  for (const rule of rules) if (readsStreams(rule) && !(await preflight(rule, context))) streamRules.push(rule);
  const staticFacts = new Map(streamRules.map((rule) => [rule, staticFactsOf(rule, context)]));
  const { pass } = streamPassOf(streamRules, context, staticFacts, options, true);
  return pass.exportPart(await pass.scan(range), range.line);
}

function createContext(snapshot: Snapshot, shared: SharedFacts, options: EvaluateOptions): EvaluationContext {
  const context: EvaluationContext = {
    snapshot,
    asOf: options.asOf,
    lang: options.lang,
    sharedFacts: {},
    data: shared.data,
    index: new RecordIndex(snapshot),
    factMemo: new Map(),
    literalWhereTests: new Map(),
  };
  const sharedScope: Scope = { context, params: {}, facts: {} };
  for (const [name, definition] of Object.entries(shared.facts)) {
    context.sharedFacts[name] = deriveFact(definition, sharedScope).value;
  }
  return context;
}
