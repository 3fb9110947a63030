import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { orderByRisk } from '../../src/portfolio/order-by-risk.js';
import { worstRule } from '../../src/portfolio/worst-rule.js';
import type { PortfolioEntry } from '../../src/report/portfolio-types.js';
import type { Finding, Report } from '../../src/report/report-types.js';

function report(partner: string, counts: { error?: number; warning?: number; notEvaluated?: number }, findings: Partial<Finding>[] = [], path = `snapshots/${partner}`): Report {
  return {
    tool: { name: 'vigie', version: '0' },
    asOf: '2024-06-30',
    snapshot: { path, partner },
    summary: { error: counts.error ?? 0, warning: counts.warning ?? 0, info: 0, waived: 0, rulesFailed: 0, rulesPassed: 0, rulesNotEvaluated: counts.notEvaluated ?? 0, rowsSkipped: 0 },
    findings: findings as Finding[],
    rules: [],
  };
}

const order = suite('portfolio order');

order('errors, then warnings, then rules not evaluated, then name and path; unreadable snapshots last', () => {
  const entries: PortfolioEntry[] = [
    { snapshot: { path: 'z/broken' }, errors: [] },
    report('Clean', {}),
    report('Many warnings', { warning: 9 }),
    report('One error', { error: 1 }),
    report('Two errors', { error: 2 }),
    report('Unknown', { notEvaluated: 30 }),
    report('One error', { error: 1 }, [], 'a/first'),
    { snapshot: { path: 'a/broken' }, errors: [] },
    report('Also one error, more warnings', { error: 1, warning: 1 }),
  ];
  const names = orderByRisk(entries).map((entry) => ('findings' in entry ? `${entry.snapshot.partner} (${entry.snapshot.path})` : `! ${entry.snapshot.path}`));
  assert.equal(names, [
    'Two errors (snapshots/Two errors)',
    'Also one error, more warnings (snapshots/Also one error, more warnings)',
    'One error (a/first)',
    'One error (snapshots/One error)',
    'Many warnings (snapshots/Many warnings)',
    'Unknown (snapshots/Unknown)',
    'Clean (snapshots/Clean)',
    '! a/broken',
    '! z/broken',
  ]);
});

order('the worst rule: most severe unwaived finding, then most findings, then ID', () => {
  const findings: Partial<Finding>[] = [
    { ruleId: 'W-ONE', severity: 'warning', waived: false },
    { ruleId: 'E-B', severity: 'error', waived: false },
    { ruleId: 'E-C', severity: 'error', waived: false },
    { ruleId: 'E-C', severity: 'error', waived: false },
    { ruleId: 'E-A', severity: 'error', waived: true },
    { ruleId: 'E-A', severity: 'error', waived: true },
    { ruleId: 'E-A', severity: 'error', waived: true },
  ];
  assert.equal(worstRule(report('x', {}, findings)), { id: 'E-C', severity: 'error', findings: 2 });
  assert.equal(worstRule(report('x', {}, findings.slice(0, 3))), { id: 'E-B', severity: 'error', findings: 1 });
  assert.is(worstRule(report('x', {}, findings.slice(4))), undefined);
});

order.run();
