import { SEVERITIES } from '../rules/rule-types.js';
import type { Severity } from '../rules/rule-types.js';
import type { Report } from '../report/report-types.js';

/** The rule a partner's row points at first. */
export interface WorstRule {
  readonly id: string;
  readonly severity: Severity;
  /** Its findings in the report (waived ones excluded). */
  readonly findings: number;
}

/** The rule of the most severe unwaived finding; ties go to most findings, then first ID. */
export function worstRule(report: Report): WorstRule | undefined {
  const byRule = new Map<string, WorstRule>();
  for (const finding of report.findings) {
    if (finding.waived) continue;
    const known = byRule.get(finding.ruleId);
    byRule.set(finding.ruleId, { id: finding.ruleId, severity: finding.severity, findings: (known?.findings ?? 0) + 1 });
  }
  return [...byRule.values()].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.findings - a.findings || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}
