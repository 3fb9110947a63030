import type { FactDefinition, Rule, WhereClause } from '../rules/rule-types.js';
import { deriveFacts, readsOwnRecords } from '../facts/derive-facts.js';
import type { DerivedFact, EvaluationContext } from '../facts/scope.js';
import { isStreamFact, joinOf } from '../facts/streamed-facts.js';
import { t } from '../i18n/messages.js';
import type { Finding, RuleStatus } from '../report/report-types.js';
import { renderTemplate } from './render-template.js';
import { enumerateEntities, type EntityList } from './entities.js';
import { comparisonKey, comparisonsOf, conditionInputs, conditionsHold, createEngine, decisionKey, matchedLabels, projectFacts, resolveParams } from './rules-engine.js';
import { EntityVisitor, type Decision } from './entity-visitor.js';
import { readsStreams } from './reads-streams.js';
import { ruleStatus, type RuleOutcome } from './rule-outcome.js';
import { valuesOf } from './static-facts.js';

/**
 * Evaluates one rule that passed its preflight: each of its entities (`enumerated`, when the
 * streaming pass already listed them) is decided by json-rules-engine, or by the decision of
 * entities that presented the same facts.
 */
export async function evaluateRule(
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
    // json-rules-engine's answer depends only on whether each comparison holds (or on the facts
    // read, for another kind of tree): entities that compare alike are decided by one run.
    const comparisons = comparisonsOf(engine, conditions);
    const keyOf = comparisons ? (valueOf: (name: string) => unknown) => comparisonKey(valueOf, comparisons) : (valueOf: (name: string) => unknown) => decisionKey(valueOf, inputs);
    const decisions = new Map<string, Decision>();
    const findings: Finding[] = [];
    const streams = readsStreams(rule);
    // The subject is named only for findings, unless the rule reads it.
    const readsSubject = /\$subject\b|"subject"/.test(JSON.stringify([rule.facts, conditions]));
    // When the decision depends on the entity only through a few of its fields, entities that
    // share those values and did not fire are skipped outright (thousands of grants, few date pairs).
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

/** The entities a rule visits: table or list records, groups, or the keys seen in the traces. */
export function entitiesOf(rule: Rule, context: EvaluationContext): EntityList {
  const streamedKeys = context.streams?.entities.get(rule);
  if (streamedKeys) {
    const field = rule.for_each.group_by![0];
    return { length: streamedKeys.length, entityAt: (index) => ({ record: { [field]: streamedKeys[index] }, records: [] }) };
  }
  return enumerateEntities(rule.for_each, { context, params: rule.params, facts: {} });
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
