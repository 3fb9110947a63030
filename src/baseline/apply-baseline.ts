import type { Finding, Report, ResolvedFinding } from '../report/report-types.js';
import type { BaselineReport } from './load-baseline.js';

/** Marks findings `new` or `existing` by fingerprint (no line numbers) and lists the gone ones as resolved. */
export function applyBaseline(report: Report, previous: BaselineReport | undefined): Report {
  const before = previous?.findings ?? [];
  const known = new Set(before.map((finding) => finding.fingerprint));
  const now = new Set(report.findings.map((finding) => finding.fingerprint));
  const findings = report.findings.map((finding): Finding => ({ ...finding, baseline: known.has(finding.fingerprint) ? 'existing' : 'new' }));
  const seen = new Set<string>();
  const resolved: ResolvedFinding[] = [];
  for (const finding of before) {
    if (now.has(finding.fingerprint) || seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    resolved.push(resolvedFinding(finding));
  }
  resolved.sort((a, b) => compare(a.ruleId, b.ruleId) || compare(a.subject?.id ?? '', b.subject?.id ?? '') || compare(a.fingerprint, b.fingerprint));
  return { ...report, findings, resolved };
}

/** The partner's previous report: same SIRET, else same path; a lone report serves whatever its path. */
export function previousReportFor(report: Report, baseline: readonly BaselineReport[], singleRun: boolean): BaselineReport | undefined {
  const { siret, path } = report.snapshot;
  const bySiret = siret ? baseline.find((previous) => previous.snapshot?.siret === siret) : undefined;
  if (bySiret) return bySiret;
  const byPath = baseline.find((previous) => previous.snapshot?.path === path);
  if (byPath) return byPath;
  const only = baseline.length === 1 ? baseline[0] : undefined;
  const otherPartner = Boolean(siret && only?.snapshot?.siret && only.snapshot.siret !== siret);
  return singleRun && only && !otherPartner ? only : undefined;
}

/** Only the known fields of the previous finding, so that nothing unexpected reaches the outputs. */
function resolvedFinding(finding: ResolvedFinding): ResolvedFinding {
  return {
    ruleId: finding.ruleId,
    fingerprint: finding.fingerprint,
    ...(finding.severity ? { severity: finding.severity } : {}),
    ...(typeof finding.title === 'string' ? { title: finding.title } : {}),
    ...(typeof finding.message === 'string' ? { message: finding.message } : {}),
    ...(finding.source ? { source: finding.source } : {}),
    ...(finding.subject ? { subject: finding.subject } : {}),
    ...(Array.isArray(finding.evidence) ? { evidence: finding.evidence } : {}),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
