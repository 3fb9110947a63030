import type { Lang } from '../i18n/lang.js';
import type { Evidence, Finding, FindingSubject, Notice, Report, ResolvedFinding, RuleStatus } from '../report/report-types.js';
import { collectPersonalValues, isPersonalField } from './personal-values.js';
import { createPseudonymizer, type Pseudonymize } from './pseudonymizer.js';

/**
 * The report with names and e-mails pseudonymized in every text; IDs, fingerprints and lines are
 * kept so findings can still be traced, baselined and waived. Applied before every format.
 */
export function redactReport(report: Report, key: Buffer, lang: Lang): Report {
  const redact = createPseudonymizer(key, collectPersonalValues(report), lang);
  return {
    ...report,
    snapshot: { ...report.snapshot, partner: redact(report.snapshot.partner) },
    findings: report.findings.map((finding) => redactFinding(finding, redact)),
    rules: report.rules.map((rule): RuleStatus => (rule.reason === undefined ? rule : { ...rule, reason: redact(rule.reason) })),
    ...(report.skipped ? { skipped: report.skipped.map((row) => ({ ...row, errors: row.errors.map(redact) })) } : {}),
    ...(report.notices ? { notices: report.notices.map((notice) => redactNotice(notice, redact)) } : {}),
    ...(report.resolved ? { resolved: report.resolved.map((finding) => redactResolved(finding, redact)) } : {}),
    // A warning may quote a value of the file.
    ...(report.inputs
      ? { inputs: { ...report.inputs, warnings: report.inputs.warnings.map((warning) => ({ ...warning, message: redact(warning.message), ...(warning.value === undefined ? {} : { value: redact(warning.value) }) })) } }
      : {}),
  };
}

function redactFinding(finding: Finding, redact: Pseudonymize): Finding {
  return {
    ...finding,
    title: redact(finding.title),
    message: redact(finding.message),
    subject: redactSubject(finding.subject, redact),
    evidence: finding.evidence.map((item) => redactEvidence(item, redact)),
    remediation: redact(finding.remediation),
    ...(finding.waiver ? { waiver: { ...finding.waiver, reason: redact(finding.waiver.reason), approvedBy: redact.whole(finding.waiver.approvedBy) } } : {}),
  };
}

function redactNotice(notice: Notice, redact: Pseudonymize): Notice {
  return {
    ...notice,
    message: redact(notice.message),
    approvedBy: redact.whole(notice.approvedBy),
    ...(notice.subject === undefined ? {} : { subject: redact(notice.subject) }),
  };
}

function redactResolved(finding: ResolvedFinding, redact: Pseudonymize): ResolvedFinding {
  return {
    ...finding,
    ...(finding.title === undefined ? {} : { title: redact(finding.title) }),
    ...(finding.message === undefined ? {} : { message: redact(finding.message) }),
    ...(finding.subject ? { subject: redactSubject(finding.subject, redact) } : {}),
    ...(finding.evidence ? { evidence: finding.evidence.map((item) => redactEvidence(item, redact)) } : {}),
  };
}

/** The id and its words: an e-mail in `administrator chuygen@…` is in the label too. */
function redactSubject(subject: FindingSubject, redact: Pseudonymize): FindingSubject {
  const label = subject.label ? { label: { fr: redact(subject.label.fr), en: redact(subject.label.en) } } : {};
  return { ...subject, id: redact(subject.id), ...label };
}

function redactEvidence(item: Evidence, redact: Pseudonymize): Evidence {
  return item.values === undefined ? item : { ...item, values: redactValue(item.values, redact) as Evidence['values'] };
}

/** Every string inside a record's values (partner lists nest objects in arrays). */
function redactValue(value: unknown, redact: Pseudonymize): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        isPersonalField(key) && typeof item === 'string' && item.trim() !== '' ? redact.whole(item) : redactValue(item, redact),
      ]),
    );
  }
  return value;
}
