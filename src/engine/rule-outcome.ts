import type { Lang, Rule } from '../rules/rule-types.js';
import type { Finding, RuleStatus } from '../report/report-types.js';

/** What evaluating one rule gives: its status in the report, and its findings. */
export interface RuleOutcome {
  readonly status: RuleStatus;
  readonly findings: Finding[];
}

/** The status line of a rule in the report. */
export function ruleStatus(rule: Rule, lang: Lang, kind: RuleStatus['status'], findings: number, reason?: string): RuleStatus {
  return {
    id: rule.id,
    title: rule.title[lang],
    obligation: rule.obligation[lang],
    severity: rule.severity,
    category: rule.category,
    source: rule.source,
    status: kind,
    ...(reason ? { reason } : {}),
    findings,
  };
}
