import type { Finding, RuleStatus, Summary } from './report-types.js';

/** Counts findings by severity (waived ones apart) and rules by status. */
export function summarize(findings: readonly Finding[], rules: readonly RuleStatus[], rowsSkipped: number): Summary {
  const active = findings.filter((finding) => !finding.waived);
  const countSeverity = (severity: Finding['severity']) => active.filter((finding) => finding.severity === severity).length;
  const countStatus = (status: RuleStatus['status']) => rules.filter((rule) => rule.status === status).length;
  return {
    error: countSeverity('error'),
    warning: countSeverity('warning'),
    info: countSeverity('info'),
    waived: findings.length - active.length,
    rulesFailed: countStatus('failed'),
    rulesPassed: countStatus('passed'),
    rulesNotEvaluated: countStatus('not_evaluated'),
    rulesWaived: countStatus('waived'),
    rowsSkipped,
  };
}
