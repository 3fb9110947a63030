import type { Severity } from '../rules/rule-types.js';
import { SEVERITIES } from '../rules/rule-types.js';
import type { Report } from './report-types.js';

/** `--fail-on`: the lowest severity that fails the run, or `never`. */
export type FailOn = Severity | 'never';

/** Exit codes of every command. */
export const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

/** 1 when a finding at or above `failOn` is neither waived nor already in the baseline, else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn === 'never') return EXIT.ok;
  const threshold = SEVERITIES.indexOf(failOn);
  const failing = report.findings.some(
    (finding) => !finding.waived && finding.baseline !== 'existing' && SEVERITIES.indexOf(finding.severity) <= threshold,
  );
  return failing ? EXIT.findings : EXIT.ok;
}
