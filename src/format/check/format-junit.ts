import type { Finding, Report, ResolvedFinding, RuleStatus } from '../../report/report-types.js';
import { fill, labels, subjectText } from '../../report/labels.js';
import { formatDate } from '../../util/dates.js';
import { ciLabels } from './ci-labels.js';
import { evidencePath } from './evidence-path.js';
import type { FormatOptions } from '../format-options.js';
import { compareDocuments } from '../../report/source-order.js';
import { escapeXmlAttribute, escapeXmlText } from '../xml-escape.js';
import type { DisplayError } from '../../diagnostics/display-error.js';
import { errorFile, errorText } from './error-place.js';
import { inputsLabels } from './inputs-labels.js';

/** One `<testcase>`: a failure, a skip, or a pass (neither). */
export interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly failure?: { readonly type: string; readonly message: string; readonly body: string };
  readonly skipped?: string;
  readonly output?: string;
}

/** One `<testsuite>` with its properties and cases. */
export interface TestSuite {
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly cases: readonly TestCase[];
}

/** Suite of the run itself: waivers to review, rows skipped by `--lenient`, input errors. */
export const RUN_SUITE = 'vigie';

/**
 * JUnit XML: a testsuite per contract document, a failure per finding, waived findings and rules
 * not evaluated skipped. No time is written, so that output stays byte-stable.
 */
export function formatJunit(report: Report, options: FormatOptions): string {
  return junitDocument(reportSuites(report, options, ''));
}

/** Several snapshots: every suite name starts with the partner's name. */
export function formatJunitPortfolio(reports: readonly Report[], options: FormatOptions): string {
  return junitDocument(reports.flatMap((report) => reportSuites(report, options, `${report.snapshot.partner} — `)));
}

/** One report's suites, each name after `prefix` (a portfolio's partner). */
export function reportSuites(report: Report, options: FormatOptions, prefix: string): TestSuite[] {
  const byDocument = new Map<string, TestCase[]>();
  const add = (document: string, testCase: TestCase) => {
    const cases = byDocument.get(document);
    if (cases) cases.push(testCase);
    else byDocument.set(document, [testCase]);
  };
  const documentOf = new Map(report.rules.map((rule) => [rule.id, rule.source.document as string]));
  const reported = new Set<string>();
  for (const rule of report.rules) {
    for (const testCase of ruleCases(report, rule, options)) add(rule.source.document, testCase);
    reported.add(rule.id);
  }
  // Findings of a rule the report has no status for (a report assembled by hand) still show.
  for (const finding of report.findings) {
    if (!reported.has(finding.ruleId)) add(finding.source.document, findingCase(report, finding, options));
  }
  for (const finding of report.resolved ?? []) {
    add(finding.source?.document ?? documentOf.get(finding.ruleId) ?? RUN_SUITE, resolvedCase(finding, options));
  }
  for (const notice of report.notices ?? []) {
    const testCase = { classname: `vigie.${notice.code}`, name: `${notice.file}:${notice.line}` };
    add(RUN_SUITE, notice.severity === 'warning' ? { ...testCase, failure: { type: notice.code, message: notice.message, body: notice.message } } : { ...testCase, skipped: notice.message });
  }
  for (const row of report.skipped ?? []) {
    const file = evidencePath(report, row.file, options.baseDir);
    add(RUN_SUITE, { classname: 'vigie.skipped-row', name: row.count === undefined ? `${file}:${row.line}` : file, skipped: row.errors.join(' ; ') });
  }
  const warnings = warningsCase(report.inputs?.warnings ?? [], options);
  if (warnings) add(RUN_SUITE, warnings);
  // The run's own suite comes last, after the contract documents.
  const documents = [...byDocument.keys()].sort((a, b) => Number(a === RUN_SUITE) - Number(b === RUN_SUITE) || compareDocuments(a, b));
  const properties = { asOf: report.asOf, snapshot: evidencePath(report, '', options.baseDir), partner: report.snapshot.partner };
  return documents.map((document) => ({ name: `${prefix}${document}`, properties, cases: byDocument.get(document) ?? [] }));
}

/** Reading warnings as one passing case of the run's suite, a `FILE:LINE:COLUMN: message (value)` line each in its system-out; none without warnings. */
export function warningsCase(warnings: readonly DisplayError[], options: FormatOptions): TestCase | undefined {
  if (warnings.length === 0) return undefined;
  const output = warnings.map((warning) => `${errorFile(warning, options.baseDir)}:${warning.line}:${warning.column}: ${errorText(warning)}`).join('\n');
  return { classname: 'vigie.input-warnings', name: `${inputsLabels(options.lang).warnings} (${warnings.length})`, output };
}

function ruleCases(report: Report, rule: RuleStatus, options: FormatOptions): TestCase[] {
  const words = ciLabels(options.lang);
  if (rule.status === 'not_evaluated') return [{ classname: rule.id, name: rule.title, skipped: fill(words.notEvaluatedCase, { reason: rule.reason ?? '' }) }];
  const findings = report.findings.filter((finding) => finding.ruleId === rule.id);
  // A passing case states the obligation kept (« SIRET valide »), not the breach it did not find.
  if (findings.length === 0) return [{ classname: rule.id, name: rule.obligation, ...(rule.reason ? { output: rule.reason } : {}) }];
  return findings.map((finding) => findingCase(report, finding, options));
}

function findingCase(report: Report, finding: Finding, options: FormatOptions): TestCase {
  const common = labels(options.lang);
  const words = ciLabels(options.lang);
  const name = subjectText(finding.subject, options.lang);
  const reference = `${common.document[finding.source.document] ?? finding.source.document} (${finding.source.document}) ${common.article} ${finding.source.article}`;
  const evidence = finding.evidence.map((item) => `${evidencePath(report, item.file, options.baseDir)}:${item.line}${item.path ? ` (${item.path})` : ''}`);
  const body = [
    finding.message,
    `${reference} : « ${finding.source.quote} »`,
    `${common.evidence} : ${evidence.join(', ')}`,
    `${common.remediation} : ${finding.remediation}`,
    ...(finding.baseline ? [`${words.columns.baseline} : ${words.baseline[finding.baseline]}`] : []),
  ].join('\n');
  if (finding.waived) {
    const waiver = finding.waiver;
    const why = waiver ? fill(words.waiver, { by: waiver.approvedBy, until: formatDate(waiver.expiresOn, options.lang), reason: waiver.reason }) : common.waived;
    return { classname: finding.ruleId, name, skipped: `${why} — ${finding.message}`, output: body };
  }
  return { classname: finding.ruleId, name, failure: { type: finding.severity, message: finding.message, body } };
}

function resolvedCase(finding: ResolvedFinding, options: FormatOptions): TestCase {
  const words = ciLabels(options.lang);
  const subject = finding.subject ? subjectText(finding.subject, options.lang) : finding.fingerprint;
  return { classname: finding.ruleId, name: `${subject} (${words.resolvedCase})`, output: `${words.resolved} : ${finding.message ?? finding.ruleId}` };
}

/** The XML of the suites, with their counts; no time is measured, so that output stays byte-stable. */
export function junitDocument(suites: readonly TestSuite[]): string {
  const count = (cases: readonly TestCase[]) => ({
    tests: cases.length,
    failures: cases.filter((testCase) => testCase.failure).length,
    skipped: cases.filter((testCase) => testCase.skipped !== undefined).length,
  });
  const all = count(suites.flatMap((suite) => suite.cases));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vigie" tests="${all.tests}" failures="${all.failures}" errors="0" skipped="${all.skipped}" time="0">`,
  ];
  for (const suite of suites) {
    const counts = count(suite.cases);
    lines.push(
      `  <testsuite name="${escapeXmlAttribute(suite.name)}" tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}" time="0">`,
    );
    lines.push('    <properties>');
    for (const [name, value] of Object.entries(suite.properties)) {
      lines.push(`      <property name="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(value)}"/>`);
    }
    lines.push('    </properties>');
    for (const testCase of suite.cases) lines.push(...caseLines(testCase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function caseLines(testCase: TestCase): string[] {
  const open = `    <testcase classname="${escapeXmlAttribute(testCase.classname)}" name="${escapeXmlAttribute(testCase.name)}" time="0"`;
  const inner: string[] = [];
  if (testCase.failure) {
    const { type, message, body } = testCase.failure;
    inner.push(`      <failure type="${escapeXmlAttribute(type)}" message="${escapeXmlAttribute(message)}">${escapeXmlText(body)}</failure>`);
  }
  if (testCase.skipped !== undefined) inner.push(`      <skipped message="${escapeXmlAttribute(testCase.skipped)}"/>`);
  if (testCase.output) inner.push(`      <system-out>${escapeXmlText(testCase.output)}</system-out>`);
  return inner.length === 0 ? [`${open}/>`] : [`${open}>`, ...inner, '    </testcase>'];
}
