import { Engine, type RuleResult } from 'json-rules-engine';
import type { DataRecord, Snapshot } from '../snapshot/snapshot-types.js';
import type { ConditionTree, Lang, Rule } from '../rules/rule-types.js';
import type { SharedFacts } from '../rules/load-rules.js';
import { SEVERITIES } from '../rules/rule-types.js';
import { deriveFact, deriveFacts } from '../facts/derive-facts.js';
import { partnerKeyPresent } from '../facts/expressions.js';
import { CUSTOM_OPERATORS } from '../facts/operators.js';
import { RecordIndex } from '../facts/record-index.js';
import { PARTNER_SOURCE } from '../facts/record-sources.js';
import type { EvaluationContext, Scope } from '../facts/scope.js';
import { t } from '../i18n/messages.js';
import type { Evidence, Finding, Report, RuleStatus } from '../report/report-types.js';
import { fingerprint } from '../report/fingerprint.js';
import { renderTemplate } from '../report/render-template.js';
import { VERSION } from '../version.js';
import { enumerateEntities } from './entities.js';
import { recordIdentity } from './record-identity.js';
import { summarize } from './summarize.js';

export interface EvaluateOptions {
  readonly asOf: string;
  readonly lang: Lang;
}

interface RuleOutcome {
  readonly status: RuleStatus;
  readonly findings: Finding[];
}

/** Evaluates every rule over a snapshot as of a date and builds the report. */
export async function evaluate(snapshot: Snapshot, rules: readonly Rule[], shared: SharedFacts, options: EvaluateOptions): Promise<Report> {
  const context: EvaluationContext = {
    snapshot,
    asOf: options.asOf,
    lang: options.lang,
    sharedFacts: {},
    data: shared.data,
    index: new RecordIndex(snapshot),
  };
  const sharedScope: Scope = { context, params: {}, facts: {} };
  for (const [name, definition] of Object.entries(shared.facts)) {
    context.sharedFacts[name] = deriveFact(definition, sharedScope).value;
  }
  const outcomes: RuleOutcome[] = [];
  for (const rule of rules) outcomes.push(await evaluateRule(rule, context));
  const findings = outcomes.flatMap((outcome) => outcome.findings).sort(compareFindings);
  const statuses = outcomes.map((outcome) => outcome.status);
  const partner = (snapshot.partner.data.partner ?? {}) as Record<string, unknown>;
  return {
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
}

async function evaluateRule(rule: Rule, context: EvaluationContext): Promise<RuleOutcome> {
  const { lang } = context;
  const status = (kind: RuleStatus['status'], findings: number, reason?: string): RuleStatus => ({
    id: rule.id,
    title: rule.title[lang],
    severity: rule.severity,
    category: rule.category,
    source: rule.source,
    status: kind,
    ...(reason ? { reason } : {}),
    findings,
  });
  try {
    const params = rule.params;
    // A rule limited to one management mode passes in the other, whatever data is missing.
    if (rule.applies_when) {
      const applies = await conditionsHold(resolveParams(rule.applies_when.conditions, params), { ...context.sharedFacts, as_of: context.asOf });
      if (!applies) return { status: status('passed', 0, rule.applies_when.otherwise[lang]), findings: [] };
    }
    const missing = missingData(rule, context.snapshot, lang);
    if (missing.length > 0) return { status: status('not_evaluated', 0, missing.join(' ; ')), findings: [] };
    const engine = createEngine(resolveParams(rule.conditions, params));
    const findings: Finding[] = [];
    const entities = enumerateEntities(rule.for_each, { context, params, facts: {} });
    for (const entity of entities) {
      const scope: Scope = { context, params, record: entity.record, records: entity.records, facts: {} };
      const subject = { type: rule.subject.type, id: renderTemplate(rule.subject.id, scope, lang) };
      const withSubject: Scope = { ...scope, subject };
      const derived = deriveFacts(rule.facts, withSubject);
      const { events, results } = await engine.run({ ...context.sharedFacts, ...derived.values, record: entity.record, subject, as_of: context.asOf });
      if (events.length === 0) continue;
      const matched = matchedLabels(rule, results[0], lang).map((label) => renderTemplate(label, withSubject, lang));
      findings.push(buildFinding(rule, withSubject, [...entity.records, ...derived.evidence], matched));
    }
    return { status: status(findings.length > 0 ? 'failed' : 'passed', findings.length), findings };
  } catch (error) {
    return { status: status('not_evaluated', 0, t('evaluationFailed', lang, { detail: (error as Error).message })), findings: [] };
  }
}

/** Reasons a rule cannot be evaluated: absent tables, columns or partner keys. */
function missingData(rule: Rule, snapshot: Snapshot, lang: Lang): string[] {
  const reasons: string[] = [];
  for (const table of rule.needs.tables ?? []) {
    if (!snapshot.tables.has(table)) reasons.push(t('tableAbsent', lang, { table }));
  }
  for (const [tableName, columns] of Object.entries(rule.needs.columns ?? {})) {
    const table = snapshot.tables.get(tableName);
    if (!table) continue;
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

function createEngine(conditions: ConditionTree): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveSimplePath });
  for (const operator of CUSTOM_OPERATORS) engine.addOperator(operator);
  engine.addRule({ conditions: conditions as never, event: { type: 'finding' } });
  return engine;
}

async function conditionsHold(conditions: ConditionTree, facts: Record<string, unknown>): Promise<boolean> {
  const { events } = await createEngine(conditions).run(facts);
  return events.length > 0;
}

/** `$.a.b` paths only (what the rule schema allows): faster than a JSONPath engine per condition. */
function resolveSimplePath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.slice(2).split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Replaces `{param: NAME}` and `"$param.NAME"` values of a condition tree by the rule's parameters. */
export function resolveParams(tree: ConditionTree, params: Readonly<Record<string, unknown>>): ConditionTree {
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const match = /^\$params?\.(\w+)$/.exec(node);
      return match ? params[match[1]] : node;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (node !== null && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      const keys = Object.keys(object);
      if (keys.length === 1 && keys[0] === 'param' && typeof object.param === 'string') return params[object.param];
      return Object.fromEntries(keys.map((key) => [key, visit(object[key])]));
    }
    return node;
  };
  return visit(tree) as ConditionTree;
}

/** Label templates of the named conditions that held, e.g. "téléphone invalide ({record.phone})". */
function matchedLabels(rule: Rule, result: RuleResult | undefined, lang: Lang): string[] {
  const labels: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const condition = node as { name?: string; result?: boolean; all?: unknown[]; any?: unknown[]; not?: unknown };
    if (condition.name && condition.result === true) {
      const label = rule.condition_labels?.[condition.name];
      if (label) labels.push(label[lang]);
    }
    for (const child of [...(condition.all ?? []), ...(condition.any ?? [])]) visit(child);
    if (condition.not) visit(condition.not);
  };
  visit(result?.conditions);
  return labels;
}

function buildFinding(rule: Rule, scope: Scope, records: readonly DataRecord[], matched: string[]): Finding {
  const { lang } = scope.context;
  const evidence = evidenceOf(rule, scope, records);
  const keys = records.filter((record) => record.table !== PARTNER_SOURCE).map(recordIdentity);
  for (const item of evidence) if (item.path) keys.push(`partner:${item.path}`);
  const extra = { matched };
  return {
    ruleId: rule.id,
    severity: rule.severity,
    category: rule.category,
    title: rule.title[lang],
    message: renderTemplate(rule.message[lang], scope, lang, extra),
    source: rule.source,
    subject: scope.subject!,
    evidence,
    remediation: renderTemplate(rule.remediation[lang], scope, lang, extra),
    fingerprint: fingerprint(rule.id, scope.subject!, keys),
    waived: false,
  };
}

/**
 * Evidence: the entity's records and the facts' records, plus, for findings about the
 * partner's declarations, the partner.yaml keys the rule reads. Sorted by file and line.
 */
function evidenceOf(rule: Rule, scope: Scope, records: readonly DataRecord[]): Evidence[] {
  const partner = scope.context.snapshot.partner;
  const items: Evidence[] = [];
  const seen = new Set<string>();
  const push = (item: Evidence) => {
    const key = `${item.file}\u0000${item.line}\u0000${item.path ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const record of records) {
    if (record.table === PARTNER_SOURCE) continue;
    push({ file: record.file, line: record.line, table: record.table, values: record.values });
  }
  // The partner.yaml keys the rule reads are evidence too; a finding about the partner cites at least its name.
  const fallback = rule.for_each.from === PARTNER_SOURCE || items.length === 0 ? ['partner'] : [];
  const keys = rule.needs.partner?.length ? rule.needs.partner : fallback;
  const listsCited = new Set(records.map((record) => record.table));
  for (const key of keys) {
    // An item of a partner list (a contact) already cites its place in partner.yaml.
    if (listsCited.has(key)) continue;
    const path = key.split('.');
    const position = partner.locate(path);
    if (!position) continue;
    const value = path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), partner.data);
    push({ file: partner.file, line: position.line, path: key, values: { [key]: value ?? null } });
  }
  return items.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.subject.id, b.subject.id) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
