import type { Severity } from '../../rules/rule-types.js';
import type { Evidence, Finding, Notice, Report } from '../../report/report-types.js';
import type { RuleSummary } from '../../report/invalid-run.js';
import { fingerprint } from '../../engine/fingerprint.js';
import { labels, subjectText } from '../../report/labels.js';
import { formatDate } from '../../util/dates.js';
import { ciLabels } from './ci-labels.js';
import { evidencePath, partnerFile } from './evidence-path.js';
import type { FormatOptions } from '../format-options.js';
import { sarifArtifacts, warningNotifications } from './sarif-inputs.js';
import { toUri } from './sarif-uri.js';

type Json = Record<string, unknown>;

/** Where the SARIF 2.1.0 schema is published, as `$schema` of every log. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub keeps at most this many locations per result; the JSON output has all the evidence. */
const RELATED_LOCATIONS_SHOWN = 100;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for code scanning: one result per finding at its first evidence record. Resolved
 * findings sit in the run's properties, since a result would reopen them as alerts.
 */
export function formatSarif(report: Report, options: FormatOptions): string {
  return formatSarifPortfolio([report], options);
}

/** Several snapshots: one run each, told apart by `automationDetails.id` (a code-scanning category). */
export function formatSarifPortfolio(reports: readonly Report[], options: FormatOptions): string {
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: reports.map((report) => sarifRun(report, options, reports.length > 1)) };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** One report's run; `portfolio` names it by its snapshot (`automationDetails.id`). */
export function sarifRun(report: Report, options: FormatOptions, portfolio: boolean): Json {
  const noticeCodes = [...new Set((report.notices ?? []).map((notice) => notice.code))].sort();
  const descriptors = [...report.rules.map((rule) => ruleDescriptor(rule, options)), ...noticeCodes.map((code) => noticeDescriptor(code, options))];
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id as string, index]));
  const results = [
    ...report.findings.map((finding) => findingResult(report, finding, ruleIndex, options)),
    ...(report.notices ?? []).map((notice) => noticeResult(notice, ruleIndex)),
  ];
  return {
    tool: { driver: { name: 'vigie', version: report.tool.version, semanticVersion: report.tool.version, rules: descriptors } },
    ...(portfolio ? { automationDetails: { id: `vigie/${evidencePath(report, '', options.baseDir).replace(/\/+$/, '')}/` } } : {}),
    invocations: [invocation(report, ruleIndex, options)],
    ...(report.inputs ? { artifacts: sarifArtifacts(report, options) } : {}),
    results,
    properties: {
      asOf: report.asOf,
      snapshot: report.snapshot,
      summary: report.summary,
      ...(report.resolved ? { resolved: report.resolved } : {}),
    },
  };
}

/** A rule of the catalogue as `tool.driver.rules` lists it (also in the log of a run stopped by input errors). */
export function ruleDescriptor(rule: RuleSummary, options: FormatOptions): Json {
  const words = labels(options.lang);
  const reference = `${words.document[rule.source.document] ?? rule.source.document} (${rule.source.document}) ${words.article} ${rule.source.article}`;
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title} — ${reference}` },
    help: { text: `${reference} : « ${rule.source.quote} »`, markdown: `**${reference}**\n\n> ${rule.source.quote}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [rule.source.document, rule.category], document: rule.source.document, article: rule.source.article, category: rule.category },
  };
}

function noticeDescriptor(code: Notice['code'], options: FormatOptions): Json {
  const texts = ciLabels(options.lang).noticeRules[code];
  return {
    id: `vigie/${code}`,
    shortDescription: { text: texts.short },
    fullDescription: { text: texts.full },
    help: { text: texts.full },
    defaultConfiguration: { level: code === 'waiver-unmatched' ? 'note' : 'warning' },
    properties: { tags: ['waivers'] },
  };
}

function findingResult(report: Report, finding: Finding, ruleIndex: ReadonlyMap<string, number>, options: FormatOptions): Json {
  const evidence = finding.evidence.length > 0 ? finding.evidence : [{ file: partnerFile(report), line: 1 }];
  const [primary, ...others] = evidence;
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(report, primary, options)],
    ...(others.length > 0
      ? { relatedLocations: others.slice(0, RELATED_LOCATIONS_SHOWN).map((item, i) => ({ id: i + 1, ...location(report, item, options) })) }
      : {}),
    partialFingerprints: { 'vigieFingerprint/v1': finding.fingerprint },
    ...(finding.baseline ? { baselineState: finding.baseline === 'new' ? 'new' : 'unchanged' } : {}),
    ...(finding.waived && finding.waiver
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `${finding.waiver.reason} (${finding.waiver.approvedBy}, ${formatDate(finding.waiver.expiresOn, options.lang)})`,
              location: { physicalLocation: { artifactLocation: { uri: toUri(finding.waiver.file) }, region: { startLine: finding.waiver.line } } },
              properties: { approvedBy: finding.waiver.approvedBy, expiresOn: finding.waiver.expiresOn },
            },
          ],
        }
      : {}),
    properties: {
      severity: finding.severity,
      category: finding.category,
      subject: finding.subject,
      subjectLabel: subjectText(finding.subject, options.lang),
      remediation: finding.remediation,
      waived: finding.waived,
      evidenceCount: finding.evidenceTotal ?? finding.evidence.length,
    },
  };
}

function noticeResult(notice: Notice, ruleIndex: ReadonlyMap<string, number>): Json {
  const id = `vigie/${notice.code}`;
  return {
    ruleId: id,
    ruleIndex: ruleIndex.get(id),
    level: notice.severity === 'warning' ? 'warning' : 'note',
    message: { text: notice.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(notice.file) }, region: { startLine: notice.line, startColumn: notice.column } } }],
    partialFingerprints: { 'vigieFingerprint/v1': fingerprint(id, { type: 'waiver', id: notice.subject ?? '' }, [notice.rule, notice.expiresOn]) },
    properties: { rule: notice.rule, ...(notice.subject === undefined ? {} : { subject: notice.subject }), approvedBy: notice.approvedBy, expiresOn: notice.expiresOn },
  };
}

/** Rules not evaluated and rows skipped by `--lenient`: what the run could not look at. */
function invocation(report: Report, ruleIndex: ReadonlyMap<string, number>, options: FormatOptions): Json {
  const words = ciLabels(options.lang);
  const notEvaluated = report.rules
    .filter((rule) => rule.status === 'not_evaluated')
    .map((rule) => ({
      level: 'note',
      message: { text: `${rule.id} — ${words.notEvaluatedCase.replace('{reason}', rule.reason ?? '')}` },
      associatedRule: { id: rule.id, index: ruleIndex.get(rule.id) },
    }));
  const skipped = (report.skipped ?? []).map((row) => ({
    level: 'warning',
    message: { text: `${words.skippedRow} : ${row.errors.join(' ; ')}` },
    locations: [location(report, { file: row.file, line: row.line }, options)],
  }));
  const warnings = warningNotifications(report.inputs?.warnings ?? [], options);
  return { executionSuccessful: true, toolExecutionNotifications: [...notEvaluated, ...skipped, ...warnings] };
}

function location(report: Report, item: Pick<Evidence, 'file' | 'line' | 'path'>, options: FormatOptions): Json {
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(evidencePath(report, item.file, options.baseDir)) },
      ...(item.line >= 1 ? { region: { startLine: item.line } } : {}),
    },
    ...(item.path ? { message: { text: item.path } } : {}),
  };
}

export { toUri };
