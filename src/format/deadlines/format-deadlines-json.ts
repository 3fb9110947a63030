import type { Deadline, DeadlinesReport } from '../../deadlines/deadline-types.js';

/** `vigie deadlines --format json`: the report, keys in a fixed order so that output is byte-stable. */
export function formatDeadlinesJson(report: DeadlinesReport): string {
  const json = {
    tool: report.tool,
    asOf: report.asOf,
    snapshot: report.snapshot,
    deadlines: report.deadlines.map(jsonDeadline),
    overdue: report.overdue.map(jsonDeadline),
    notComputed: report.notComputed.map((item) => ({ kind: item.kind, ...(item.ruleId ? { ruleId: item.ruleId } : {}), reason: item.reason })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function jsonDeadline(deadline: Deadline): Record<string, unknown> {
  return {
    kind: deadline.kind,
    date: deadline.date,
    title: deadline.title,
    detail: deadline.detail,
    ...(deadline.ruleId ? { ruleId: deadline.ruleId } : {}),
    ...(deadline.source ? { source: deadline.source } : {}),
    subject: deadline.subject,
    evidence: deadline.evidence,
  };
}
