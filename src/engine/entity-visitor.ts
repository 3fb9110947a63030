import type { Rule } from '../rules/rule-types.js';
import { deriveFacts } from '../facts/derive-facts.js';
import { fieldValue } from '../facts/expressions.js';
import { PARTNER_SOURCE } from '../facts/record-sources.js';
import type { DerivedFact, EvaluationContext, Scope } from '../facts/scope.js';
import { EVIDENCE_LIMIT } from '../stream/evidence.js';
import type { Finding } from '../report/report-types.js';
import { renderMessage, renderTemplate } from './render-template.js';
import { buildFinding } from './build-finding.js';
import type { Entity, EntityList } from './entities.js';
import { ValueTuples } from './value-tuples.js';

/** json-rules-engine's answer for entities presenting the same facts: whether the rule fired, and the labels of what matched. */
export interface Decision {
  readonly fired: boolean;
  readonly labels: readonly string[];
}

/** What a rule's conditions are asked about one entity: the key of the facts they read, and those facts. */
export interface EntityVisit {
  readonly entity: Entity;
  readonly scope: Scope;
  readonly early: { type: string; id: string } | undefined;
  readonly derived: ReturnType<typeof deriveFacts>;
  readonly valueOf: (name: string) => unknown;
  readonly key: string;
}

/** The work a rule does on each entity around json-rules-engine's decision, kept out of evaluateRule: inlined, V8 compiled it again per record shape (docs/PERFORMANCE.md). */
export class EntityVisitor {
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
    private readonly keyOf: (valueOf: (name: string) => unknown) => string,
  ) {}

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

  /** Visits the entities from `from` on while their decision is known; returns the position of the first that needs json-rules-engine (its visit left in `pending`). */
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
