import type { FactDefinition, Rule } from '../rules/rule-types.js';
import { compiledRule } from '../rules/compile-rule.js';
import { conditionReads } from '../rules/condition-types.js';
import { deriveFacts } from '../facts/derive-facts.js';
import type { DerivedFact, EvaluationContext } from '../facts/scope.js';
import { t } from '../i18n/messages.js';
import type { Finding, RuleStatus } from '../report/report-types.js';
import { renderTemplate } from './render-template.js';
import { enumerateEntities, type EntityList } from './entities.js';
import { comparisonKey, comparisonsOf, conditionsHold, createEngine, decisionKey, matchedLabels, projectFacts, resolveParams } from './rules-engine.js';
import { EntityVisitor, type Decision } from './entity-visitor.js';
import { ruleStatus, type RuleOutcome } from './rule-outcome.js';
import { valuesOf } from './static-facts.js';

/** Evaluates one rule that passed its preflight: each entity is decided by json-rules-engine, or by the decision of entities that presented the same facts. */
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
    const inputs = conditionReads(conditions);
    // Entities that compare alike (or read alike) are decided by one run of the engine.
    const comparisons = comparisonsOf(engine, conditions);
    const keyOf = comparisons ? (valueOf: (name: string) => unknown) => comparisonKey(valueOf, comparisons) : (valueOf: (name: string) => unknown) => decisionKey(valueOf, inputs);
    const decisions = new Map<string, Decision>();
    const findings: Finding[] = [];
    const compiled = compiledRule(rule);
    const streams = compiled.readsStreams;
    const readsSubject = compiled.readsSubject;
    // Entities that share the few fields the decision reads and did not fire are skipped outright.
    const fieldsRead = streams || readsSubject ? undefined : compiled.recordFieldsRead;
    const visitor = new EntityVisitor(rule, context, staticFacts, precomputed, readsSubject, fieldsRead, keyOf);
    const entities = enumerated ?? entitiesOf(rule, context);
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
  return enumerateEntities(compiledRule(rule).forEach, { context, params: rule.params, facts: {} });
}

/** The rule's streamed facts that are not tied to an entity (the earliest trace of the file). */
function globalStreamFacts(rule: Rule): Record<string, FactDefinition> {
  return Object.fromEntries(compiledRule(rule).facts.filter((fact) => fact.streamed && !fact.join).map((fact) => [fact.name, fact.definition]));
}
