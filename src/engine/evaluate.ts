import type { InputError, ScanRange, SkippedRow, Snapshot } from '../snapshot/snapshot-types.js';
import type { FactDefinition, Lang, Rule, WhereClause } from '../rules/rule-types.js';
import type { SharedFacts } from '../rules/load-rules.js';
import { deriveFact, deriveFacts, readsOwnRecords } from '../facts/derive-facts.js';
import { fieldValue, partnerKeyPresent } from '../facts/expressions.js';
import { RecordIndex } from '../facts/record-index.js';
import { PARTNER_SOURCE } from '../facts/record-sources.js';
import type { DerivedFact, EvaluationContext, Scope } from '../facts/scope.js';
import { isStreamFact, joinOf } from '../facts/streamed-facts.js';
import { STREAMED_SOURCES } from '../snapshot/table-schemas.js';
import { EVIDENCE_LIMIT } from '../stream/evidence.js';
import type { PassPart } from '../stream/pass-part.js';
import { StreamPass } from '../stream/stream-pass.js';
import { t } from '../i18n/messages.js';
import type { Finding, Report, RuleStatus } from '../report/report-types.js';
import { renderMessage, renderTemplate } from './render-template.js';
import { VERSION } from '../util/version.js';
import { GarbageBudget } from '../util/collect-garbage.js';
import { buildFinding, compareFindings } from './build-finding.js';
import { enumerateEntities, type Entity, type EntityList } from './entities.js';
import { comparisonKey, comparisonsOf, conditionInputs, conditionsHold, createEngine, decisionKey, matchedLabels, projectFacts, resolveParams } from './rules-engine.js';
import { summarize } from '../report/summarize.js';

export interface EvaluateOptions {
  readonly asOf: string;
  readonly lang: Lang;
  /** Skip trace rows that do not parse instead of failing (`--lenient`). */
  readonly lenient?: boolean;
  readonly onProgress?: (event: { file: string; rows: number; done: boolean }) => void;
  /**
   * The traces read in two parts: this thread reads them up to `boundary` (a byte offset, the
   * start of a line); a worker started before this thread even read the snapshot
   * (src/engine/stream-in-worker.ts) reads the rest, and `later` hands over the state of its
   * pass (once: merged, it is dropped), or undefined when it failed: this thread then reads the
   * rest itself.
   */
  readonly split?: { readonly boundary: number; readonly later: () => Promise<PassPart | undefined> };
  /**
   * Read the streamed tables no rule reads too, for their input errors (`vigie check` checks
   * the whole snapshot; `vigie deadlines`, which evaluates a few rules, does not).
   */
  readonly checkUnread?: boolean;
}

/** The report, or the input errors found while streaming the traces (no report then). */
export interface Evaluation {
  readonly report?: Report;
  readonly errors: readonly InputError[];
  readonly skipped: readonly SkippedRow[];
}

interface RuleOutcome {
  readonly status: RuleStatus;
  readonly findings: Finding[];
}

/**
 * Evaluates every rule over a snapshot as of a date: rules whose data is missing or that do
 * not apply are settled first; the traces are then read once for all the others; finally
 * each rule visits its entities through json-rules-engine.
 */
export async function evaluate(snapshot: Snapshot, rules: readonly Rule[], shared: SharedFacts, options: EvaluateOptions): Promise<Evaluation> {
  const context = createContext(snapshot, shared, options);
  const outcomes = new Map<Rule, RuleOutcome>();
  const { errors, skipped } = await evaluateHere(rules, context, outcomes, options);
  if (errors.length > 0) return { errors, skipped };
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
  return { report, errors: [], skipped };
}

/**
 * How much the heap may grow while the rules that do not read the traces are evaluated before
 * vigie collects it (GarbageBudget). With 100,000 grants the tables hold about 40 MB and the
 * rules leave about 75 MB behind them: one collection among them.
 */
const RULES_GARBAGE_BUDGET = 48 * 1024 * 1024;

/**
 * Evaluates rules into `outcomes`: those whose data is missing or that do not apply are
 * settled first; the others that do not read the traces are evaluated; the traces are then
 * read once for all the rest, which are evaluated last.
 */
async function evaluateHere(
  rules: readonly Rule[],
  context: EvaluationContext,
  outcomes: Map<Rule, RuleOutcome>,
  options: EvaluateOptions,
): Promise<{ errors: readonly InputError[]; skipped: readonly SkippedRow[] }> {
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
  // A streamed table no rule reads (every trace rule disabled or lacking data) is still read
  // for its input errors: a bad row is reported, never passed over.
  for (const table of options.checkUnread ? context.snapshot.tables.values() : []) {
    if (!table.scan || pass.sources.has(table.name)) continue;
    const checked = await table.scan(() => undefined, { lenient: options.lenient, onProgress: options.onProgress });
    read.errors.push(...checked.errors);
    read.skipped.push(...checked.skipped);
  }
  if (read.errors.length > 0) return read;
  context.streams = pass.results();
  for (const rule of streamRules) outcomes.set(rule, await evaluateRule(rule, context, staticFacts.get(rule)!, heldEntities.get(rule)));
  return read;
}

/**
 * The streaming pass of the rules that read the traces (after their preflight), on either
 * thread. A rule over a held table (the departed users) has its entities enumerated once:
 * they name the rows the pass keeps, then they are visited.
 */
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

/**
 * Reads the traces into the pass: all of them, or, split with a worker, the part up to the
 * boundary, to which the worker's part is then added. Should the worker fail, or the boundary
 * fall inside a record, this thread reads the rest itself: the result is the same.
 */
async function readStreams(pass: StreamPass, options: EvaluateOptions): Promise<{ errors: InputError[]; skipped: SkippedRow[] }> {
  const split = options.split;
  const first = await pass.scan(split ? { start: 0, line: 1, end: split.boundary } : undefined);
  if (!split || first.whole) return first;
  const later = await split.later();
  if (later && later.line === first.nextLine && pass.mergeLater(later)) {
    return { errors: [...first.errors, ...later.errors], skipped: [...first.skipped, ...later.skipped] };
  }
  const rest = await pass.scan({ start: split.boundary, line: first.nextLine! });
  return { errors: [...first.errors, ...rest.errors], skipped: [...first.skipped, ...rest.skipped] };
}

/**
 * The worker's side of a split reading (src/engine/stream-worker.ts): the same preflight and
 * pass as `evaluate` builds for the rules that read the traces, over the later part of the
 * file only; its state goes back to the main thread, which merges it into its own pass.
 */
export async function readLaterPart(snapshot: Snapshot, rules: readonly Rule[], shared: SharedFacts, options: EvaluateOptions, range: ScanRange): Promise<PassPart> {
  const context = createContext(snapshot, shared, options);
  const streamRules: Rule[] = [];
  for (const rule of rules) if (readsStreams(rule) && !(await preflight(rule, context))) streamRules.push(rule);
  const staticFacts = new Map(streamRules.map((rule) => [rule, staticFactsOf(rule, context)]));
  const { pass } = streamPassOf(streamRules, context, staticFacts, options, true);
  return pass.exportPart(await pass.scan(range), range.line);
}

/** The context every rule of one evaluation shares, with the shared facts computed. */
function createContext(snapshot: Snapshot, shared: SharedFacts, options: EvaluateOptions): EvaluationContext {
  const context: EvaluationContext = {
    snapshot,
    asOf: options.asOf,
    lang: options.lang,
    sharedFacts: {},
    data: shared.data,
    index: new RecordIndex(snapshot),
    factMemo: new Map(),
  };
  const sharedScope: Scope = { context, params: {}, facts: {} };
  for (const [name, definition] of Object.entries(shared.facts)) {
    context.sharedFacts[name] = deriveFact(definition, sharedScope).value;
  }
  return context;
}

/** Whether a rule reads a streamed table (its entities or one of its facts). */
export function readsStreams(rule: Rule): boolean {
  return STREAMED_SOURCES.has(rule.for_each.from) || Object.values(rule.facts).some(isStreamFact);
}

function ruleStatus(rule: Rule, lang: Lang, kind: RuleStatus['status'], findings: number, reason?: string): RuleStatus {
  return {
    id: rule.id,
    title: rule.title[lang],
    severity: rule.severity,
    category: rule.category,
    source: rule.source,
    status: kind,
    ...(reason ? { reason } : {}),
    findings,
  };
}

/** Settles a rule that does not apply (other management mode) or lacks data; undefined when it must run. */
async function preflight(rule: Rule, context: EvaluationContext): Promise<RuleOutcome | undefined> {
  const { lang } = context;
  if (rule.applies_when) {
    const applies = await conditionsHold(resolveParams(rule.applies_when.conditions, rule.params), { ...context.sharedFacts, as_of: context.asOf });
    if (!applies) return { status: ruleStatus(rule, lang, 'passed', 0, rule.applies_when.otherwise[lang]), findings: [] };
  }
  const missing = missingData(rule, context.snapshot, lang);
  if (missing.length > 0) return { status: ruleStatus(rule, lang, 'not_evaluated', 0, missing.join(' ; ')), findings: [] };
  return undefined;
}

/**
 * The facts of a rule that do not depend on the visited entity (a cut-off date, a count over
 * a whole table): computed once, and usable by the streaming pass's row filters.
 */
function staticFactsOf(rule: Rule, context: EvaluationContext): Map<string, DerivedFact> {
  const derived = new Map<string, DerivedFact>();
  const facts: Record<string, unknown> = {};
  const scope: Scope = { context, params: rule.params, facts };
  const names = new Set(Object.keys(rule.facts));
  for (const [name, definition] of Object.entries(rule.facts)) {
    const text = JSON.stringify(definition);
    if (isStreamFact(definition) || /\$(record|subject|row)\b/.test(text)) continue;
    if (readsOwnRecords(definition)) continue;
    const references = [...text.matchAll(/"\$(\w+)/g)].map((match) => match[1]);
    if (references.some((reference) => names.has(reference) && !Object.hasOwn(facts, reference))) continue;
    try {
      const fact = deriveFact(definition, scope);
      facts[name] = fact.value;
      derived.set(name, fact);
    } catch {
      // Left to the per-entity evaluation, which reports the failure.
    }
  }
  return derived;
}

/** The values of precomputed facts, to start an entity's facts from. */
function valuesOf(derived: ReadonlyMap<string, DerivedFact>): Record<string, unknown> {
  return Object.fromEntries([...derived].map(([name, fact]) => [name, fact.value]));
}

async function evaluateRule(
  rule: Rule,
  context: EvaluationContext,
  precomputed: ReadonlyMap<string, DerivedFact>,
  enumerated?: EntityList,
): Promise<RuleOutcome> {
  const staticFacts = valuesOf(precomputed);
  const { lang } = context;
  const status = (kind: RuleStatus['status'], findings: number, reason?: string) => ruleStatus(rule, lang, kind, findings, reason);
  const failure = context.streams?.failures.get(rule);
  if (failure !== undefined) return { status: status('not_evaluated', 0, t('tracesOutOfOrder', lang, { place: failure })), findings: [] };
  try {
    const params = rule.params;
    if (rule.evaluable_when) {
      const facts = { ...staticFacts };
      deriveFacts(globalStreamFacts(rule), { context, params, facts });
      const evaluable = await conditionsHold(resolveParams(rule.evaluable_when.conditions, params), { ...context.sharedFacts, ...facts, as_of: context.asOf });
      if (!evaluable) return { status: status('not_evaluated', 0, renderTemplate(rule.evaluable_when.otherwise[lang], { context, params, facts }, lang)), findings: [] };
    }
    const conditions = resolveParams(rule.conditions, params);
    const engine = createEngine(conditions);
    const inputs = conditionInputs(conditions);
    // json-rules-engine's answer depends only on whether each comparison of the conditions
    // holds (or, for a tree of another kind, on the facts they read): entities that compare
    // alike (thousands of grants of one profile) are decided by one run.
    const comparisons = comparisonsOf(engine, conditions);
    const keyOf = comparisons ? (valueOf: (name: string) => unknown) => comparisonKey(valueOf, comparisons) : (valueOf: (name: string) => unknown) => decisionKey(valueOf, inputs);
    const decisions = new Map<string, Decision>();
    const findings: Finding[] = [];
    const streams = readsStreams(rule);
    // The subject is named only for findings, unless the rule reads it.
    const readsSubject = /\$subject\b|"subject"/.test(JSON.stringify([rule.facts, conditions]));
    // When the decision depends on the entity only through a few of its fields, entities that
    // share those values and did not fire are skipped outright (100,000 grants, ~1,000 date pairs).
    const fieldsRead = streams || readsSubject ? undefined : recordFieldsRead(rule, inputs);
    const visitor = new EntityVisitor(rule, context, staticFacts, precomputed, readsSubject, fieldsRead, keyOf);
    const entities = enumerated ?? entitiesOf(rule, context);
    // Entities are visited synchronously while their decision is known; this loop only awaits
    // json-rules-engine for the entities that present new values.
    for (let at = visitor.visitKnown(entities, 0, decisions, findings, streams); at < entities.length; at = visitor.visitKnown(entities, at + 1, decisions, findings, streams)) {
      const visit = visitor.pending!;
      const { events, results } = await engine.run(projectFacts(visit.valueOf, inputs));
      const decision = { fired: events.length > 0, labels: events.length > 0 ? matchedLabels(rule, results[0], lang) : [] };
      decisions.set(visit.key, decision);
      visitor.settle(visit, decision, findings, streams);
    }
    return { status: status(findings.length > 0 ? 'failed' : 'passed', findings.length), findings };
  } catch (error) {
    return { status: status('not_evaluated', 0, t('evaluationFailed', lang, { detail: (error as Error).message })), findings: [] };
  } finally {
    // The memoised facts serve this rule only: free them before the next one.
    for (const definition of Object.values(rule.facts)) context.factMemo.delete(definition);
  }
}


/** json-rules-engine's answer for entities presenting the same facts: whether the rule fired, and the labels of what matched. */
interface Decision {
  readonly fired: boolean;
  readonly labels: readonly string[];
}

/** What a rule's conditions are asked about one entity: the key of the facts they read, and those facts. */
interface EntityVisit {
  readonly entity: Entity;
  readonly scope: Scope;
  readonly early: { type: string; id: string } | undefined;
  readonly derived: ReturnType<typeof deriveFacts>;
  readonly valueOf: (name: string) => unknown;
  readonly key: string;
}

/**
 * The work a rule does on each entity before and after json-rules-engine decides, kept out of
 * evaluateRule: an async function with all of this inlined was compiled again by V8 for each
 * rule whose records have other shapes (15 times, 0.4 s of compiling at 100,000 grants).
 */
class EntityVisitor {
  private readonly quiet = new ValueTuples();
  private readonly read: unknown[] = [];
  /** The visit of the entity whose decision visitKnown found unknown. */
  pending: EntityVisit | undefined;

  constructor(
    private readonly rule: Rule,
    private readonly context: EvaluationContext,
    private readonly staticFacts: Record<string, unknown>,
    private readonly precomputed: ReadonlyMap<string, DerivedFact>,
    private readonly readsSubject: boolean,
    private readonly fieldsRead: readonly string[] | undefined,
    /** The decision key of an entity's facts. */
    private readonly keyOf: (valueOf: (name: string) => unknown) => string,
  ) {}

  /** The entity's facts and decision key, or undefined when entities of the same values were quiet. */
  private visit(entity: Entity): EntityVisit | undefined {
    const { rule, context, fieldsRead, read } = this;
    if (fieldsRead) {
      for (let position = 0; position < fieldsRead.length; position++) read[position] = fieldValue(entity.record, fieldsRead[position]) ?? null;
      if (this.quiet.has(read)) return undefined;
    }
    const scope: Scope = { context, params: rule.params, record: entity.record, records: entity.records, facts: { ...this.staticFacts } };
    const early = this.readsSubject ? this.subjectOf(scope) : undefined;
    const derived = deriveFacts(rule.facts, early ? { ...scope, subject: early } : scope, this.precomputed);
    const builtins: Record<string, unknown> = { record: entity.record, subject: early, as_of: context.asOf };
    const valueOf = (name: string) => (Object.hasOwn(builtins, name) ? builtins[name] : Object.hasOwn(derived.values, name) ? derived.values[name] : context.sharedFacts[name]);
    return { entity, scope, early, derived, valueOf, key: this.keyOf(valueOf) };
  }

  /**
   * Visits the entities from `from` on while their decision is known (findings of those that
   * fire added); returns the position of the first whose facts need json-rules-engine (its
   * visit left in `pending`), or the number of entities.
   */
  visitKnown(entities: EntityList, from: number, decisions: ReadonlyMap<string, Decision>, findings: Finding[], streams: boolean): number {
    for (let at = from; at < entities.length; at++) {
      const visit = this.visit(entities.entityAt(at));
      if (visit === undefined) continue;
      const decision = decisions.get(visit.key);
      if (decision === undefined) {
        this.pending = visit;
        return at;
      }
      this.settle(visit, decision, findings, streams);
    }
    this.pending = undefined;
    return entities.length;
  }

  /** Acts on the decision about the entity visited last: a finding when it fired, else entities of the same values read are skipped. */
  settle(visit: EntityVisit, decision: Decision, findings: Finding[], streams: boolean): void {
    if (decision.fired) findings.push(this.finding(visit, decision.labels, streams));
    else if (this.fieldsRead) this.quiet.add(this.read);
  }

  /** The finding of an entity that fired, with the labels of the conditions that matched. */
  private finding(visit: EntityVisit, labels: readonly string[], streams: boolean): Finding {
    const { rule, context } = this;
    const withSubject: Scope = { ...visit.scope, subject: visit.early ?? this.subjectOf(visit.scope) };
    const matched = labels.map((label) => renderMessage(label, withSubject, context.lang));
    const total = visit.entity.records.length + visit.derived.evidenceTotal;
    const records = [...visit.entity.records, ...visit.derived.evidence.flatMap((fact) => fact.records)].filter((record) => record.table !== PARTNER_SOURCE);
    // Trace rules cite at most EVIDENCE_LIMIT lines per finding (the entity's own row first), with the total.
    return buildFinding(rule, withSubject, streams ? records.slice(0, EVIDENCE_LIMIT) : records, matched, total);
  }

  private subjectOf(scope: Scope): { type: string; id: string } {
    return { type: this.rule.subject.type, id: renderTemplate(this.rule.subject.id, scope, this.context.lang) };
  }
}

/**
 * A set of tuples of values of the same length, through one map per position (values
 * compared as Map keys do: by type and value): no key text to build and hash per entity.
 */
class ValueTuples {
  private readonly root = new Map<unknown, unknown>();
  /** Whether the empty tuple was added (a decision that reads no field of the record). */
  private empty = false;

  has(values: readonly unknown[]): boolean {
    if (values.length === 0) return this.empty;
    let level: unknown = this.root;
    for (const value of values) {
      level = (level as Map<unknown, unknown>).get(value);
      if (level === undefined) return false;
    }
    return true;
  }

  add(values: readonly unknown[]): void {
    if (values.length === 0) this.empty = true;
    let level = this.root;
    values.forEach((value, position) => {
      let next = level.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        // The last position's map only marks the tuple present.
        level.set(value, position === values.length - 1 ? true : next);
      }
      level = next;
    });
  }
}

/**
 * The fields of the visited record that a rule's decision can depend on, or undefined when it
 * depends on more (the entity's own records, a condition on the whole record).
 */
function recordFieldsRead(rule: Rule, inputs: ReturnType<typeof conditionInputs>): string[] | undefined {
  const fields = new Set<string>();
  for (const definition of Object.values(rule.facts)) {
    if (readsOwnRecords(definition)) return undefined;
  }
  for (const match of JSON.stringify(rule.facts).matchAll(/\$record\.(\w+)/g)) fields.add(match[1]);
  for (const input of inputs) {
    if (input.fact !== 'record') continue;
    if (!input.path) return undefined;
    fields.add(input.path.slice(2).split('.')[0]);
  }
  return [...fields].sort();
}

/** The rule's streamed facts that are not tied to an entity (the earliest trace of the file). */
function globalStreamFacts(rule: Rule): Record<string, FactDefinition> {
  return Object.fromEntries(Object.entries(rule.facts).filter(([, definition]) => isStreamFact(definition) && !joinOf(definition.where as WhereClause | undefined)));
}

/** The entities a rule visits: table or list records, groups, or the keys seen in the traces. */
function entitiesOf(rule: Rule, context: EvaluationContext): EntityList {
  const streamedKeys = context.streams?.entities.get(rule);
  if (streamedKeys) {
    const field = rule.for_each.group_by![0];
    return { length: streamedKeys.length, entityAt: (index) => ({ record: { [field]: streamedKeys[index] }, records: [] }) };
  }
  return enumerateEntities(rule.for_each, { context, params: rule.params, facts: {} });
}

/** Reasons a rule cannot be evaluated: absent tables, columns or partner keys. */
function missingData(rule: Rule, snapshot: Snapshot, lang: Lang): string[] {
  const reasons: string[] = [];
  for (const table of rule.needs.tables ?? []) {
    if (!snapshot.tables.has(table)) reasons.push(t('tableAbsent', lang, { table }));
  }
  for (const [tableName, columns] of Object.entries(rule.needs.columns ?? {})) {
    const table = snapshot.tables.get(tableName);
    // An empty table (an empty JSON array has no columns at all) leaves nothing unjudged.
    if (!table || (table.records.length === 0 && !table.scan)) continue;
    for (const column of columns) {
      const alternatives = typeof column === 'string' ? [column] : column;
      if (alternatives.some((name) => table.columns.includes(name))) continue;
      reasons.push(
        typeof column === 'string'
          ? t('columnAbsent', lang, { column, file: table.file })
          : t('columnsAbsent', lang, { columns: alternatives.join(' », « '), file: table.file }),
      );
    }
  }
  for (const key of rule.needs.partner ?? []) {
    if (!partnerKeyPresent(snapshot.partner.data, key)) reasons.push(t('partnerKeyAbsent', lang, { key, file: snapshot.partner.file }));
  }
  return reasons;
}
