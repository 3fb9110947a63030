import type { Report, RuleStatus } from '../report/report-types.js';
import { applyBaseline } from '../baseline/apply-baseline.js';
import { compareDocuments, compareSources } from '../report/source-order.js';
import type { Bilan, BilanArticle, BilanCounts, BilanDocument, BilanFinding, BilanRule, BilanStatus, PreviousRuleState } from './bilan-types.js';

/** The annual bilan of a report, compared with last year's by fingerprint as `--baseline` does. */
export function buildBilan(report: Report, previous?: Report): Bilan {
  const compared = previous ? applyBaseline(report, { findings: previous.findings }) : report;
  const resolvedByRule = groupBy(compared.resolved ?? [], (finding) => finding.ruleId);
  const previousStates = new Map((previous?.rules ?? []).map((rule) => [rule.id, previousState(rule, previous as Report)]));

  const rules = compared.rules.map((status): BilanRule => {
    const findings = compared.findings
      .filter((finding) => finding.ruleId === status.id)
      .map((finding): BilanFinding => (finding.baseline ? { ...finding, change: finding.baseline === 'new' ? 'appeared' : 'persisting' } : finding));
    const before = previousStates.get(status.id);
    return {
      id: status.id,
      title: status.title,
      obligation: status.obligation,
      severity: status.severity,
      category: status.category,
      source: status.source,
      status: bilanStatus(status),
      ...(status.reason ? { reason: status.reason } : {}),
      notApplicable: status.status === 'passed' && Boolean(status.reason),
      findings,
      resolved: resolvedByRule.get(status.id) ?? [],
      ...(before ? { previous: before } : {}),
    };
  });

  const obligations = rules.filter((rule) => rule.category === 'obligation');
  const recommendations = rules
    .filter((rule) => rule.category === 'recommendation')
    .sort((a, b) => compareSources(a.source, b.source) || compareText(a.id, b.id));
  const appeared = compared.findings.filter((finding) => finding.baseline === 'new').length;
  return {
    tool: report.tool,
    asOf: report.asOf,
    snapshot: report.snapshot,
    summary: report.summary,
    counts: countRules(obligations),
    documents: groupDocuments(obligations),
    recommendations,
    rowsSkipped: report.summary.rowsSkipped,
    ...(previous
      ? {
          previous: {
            asOf: previous.asOf,
            snapshotPath: previous.snapshot.path,
            summary: previous.summary,
            counts: countPrevious(previous.rules.filter((rule) => rule.category === 'obligation').map((rule) => previousStates.get(rule.id) as PreviousRuleState)),
            appeared,
            resolved: compared.resolved?.length ?? 0,
            persisting: compared.findings.length - appeared,
          },
        }
      : {}),
  };
}

/** A waived rule is still a breach (accepted, not cured); a rule that does not apply is compliant. */
function bilanStatus(rule: RuleStatus): BilanStatus {
  if (rule.status === 'not_evaluated') return 'not_verifiable';
  return rule.status === 'passed' ? 'compliant' : 'non_compliant';
}

function previousState(rule: RuleStatus, previous: Report): PreviousRuleState {
  return { status: bilanStatus(rule), findings: previous.findings.filter((finding) => finding.ruleId === rule.id && !finding.waived).length };
}

/** Documents in contract order, articles by number, rules by ID inside an article. */
function groupDocuments(rules: readonly BilanRule[]): BilanDocument[] {
  const byArticle = groupBy(rules, (rule) => `${rule.source.document}\u0000${rule.source.article}`);
  const articles = [...byArticle.values()]
    .map((group): BilanArticle => {
      const sorted = [...group].sort((a, b) => compareText(a.id, b.id));
      const withPrevious = sorted.filter((rule) => rule.previous);
      return {
        document: sorted[0].source.document,
        article: sorted[0].source.article,
        rules: sorted,
        counts: countRules(sorted),
        ...(withPrevious.length > 0 ? { previousCounts: countPrevious(withPrevious.map((rule) => rule.previous as PreviousRuleState)) } : {}),
      };
    })
    .sort((a, b) => compareDocuments(a.document, b.document) || compareSources(a.rules[0].source, b.rules[0].source));
  const byDocument = groupBy(articles, (article) => article.document);
  return [...byDocument.entries()].map(([document, group]) => ({ document, articles: group }));
}

function countRules(rules: readonly BilanRule[]): BilanCounts {
  return {
    compliant: rules.filter((rule) => rule.status === 'compliant').length,
    nonCompliant: rules.filter((rule) => rule.status === 'non_compliant').length,
    notVerifiable: rules.filter((rule) => rule.status === 'not_verifiable').length,
    findings: rules.reduce((total, rule) => total + rule.findings.filter((finding) => !finding.waived).length, 0),
  };
}

function countPrevious(states: readonly PreviousRuleState[]): BilanCounts {
  return {
    compliant: states.filter((state) => state.status === 'compliant').length,
    nonCompliant: states.filter((state) => state.status === 'non_compliant').length,
    notVerifiable: states.filter((state) => state.status === 'not_verifiable').length,
    findings: states.reduce((total, state) => total + state.findings, 0),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
