import type { Finding, Report } from '../../report/report-types.js';
import { code, escapeMarkdown } from '../markdown-text.js';
import { fill, labels, SEVERITY_SYMBOL, subjectText } from '../../report/labels.js';
import { formatDate } from '../../util/dates.js';
import { ciLabels } from './ci-labels.js';
import { evidencePath } from './evidence-path.js';
import type { FormatOptions } from '../format-options.js';
import { errorFile } from './error-place.js';
import { inputsLabels } from './inputs-labels.js';
import { delimiterText, ignoredHeaders, manifestName } from './manifest-parts.js';

/** Evidence records shown per finding in the table; the JSON and SARIF outputs have them all. */
const EVIDENCE_SHOWN = 3;

/** A summary to post on a merge request: counts, findings table, waivers, resolved and skipped. */
export function formatMarkdown(report: Report, options: FormatOptions): string {
  const common = labels(options.lang);
  const words = ciLabels(options.lang);
  const { snapshot, summary } = report;
  const lines: string[] = [`### vigie — ${escapeMarkdown(snapshot.partner)}`, ''];
  const header = [
    snapshot.siret ? `SIRET ${escapeMarkdown(snapshot.siret)}` : undefined,
    `${common.asOf} ${formatDate(report.asOf, options.lang)}`,
    snapshot.managementMode ? (common.mode[snapshot.managementMode] ?? snapshot.managementMode) : undefined,
    code(evidencePath(report, '', options.baseDir)),
  ].filter(Boolean);
  lines.push(header.join(' · '), '');

  const columns = words.columns;
  lines.push(
    `| ${[columns.errors, columns.warnings, columns.infos, columns.waived, columns.rulesFailed, columns.rulesPassed, columns.rulesNotEvaluated].join(' | ')} |`,
    `|${' ---: |'.repeat(7)}`,
    `| ${[summary.error, summary.warning, summary.info, summary.waived, summary.rulesFailed, summary.rulesPassed, summary.rulesNotEvaluated].join(' | ')} |`,
    '',
  );
  if (report.resolved) {
    const count = (state: 'new' | 'existing') => report.findings.filter((finding) => finding.baseline === state).length;
    lines.push(fill(words.baselineSummary, { new: `**${count('new')}**`, existing: count('existing'), resolved: report.resolved.length }), '');
  }

  if (report.notices && report.notices.length > 0) {
    lines.push(`#### ${words.notices} (${report.notices.length})`, '');
    for (const notice of report.notices) {
      lines.push(`- ${notice.severity === 'warning' ? SEVERITY_SYMBOL.warning : SEVERITY_SYMBOL.info} ${code(`${notice.file}:${notice.line}`)} — ${escapeMarkdown(notice.message)}`);
    }
    lines.push('');
  }

  lines.push(`#### ${words.findings} (${report.findings.length})`, '');
  if (report.findings.length === 0) lines.push(common.noFinding, '');
  else {
    const withBaseline = report.findings.some((finding) => finding.baseline);
    const titles = [columns.severity, columns.rule, columns.clause, columns.subject, columns.finding, columns.evidence, ...(withBaseline ? [columns.baseline] : [])];
    lines.push(`| ${titles.join(' | ')} |`, `|${' --- |'.repeat(titles.length)}`);
    for (const finding of report.findings) lines.push(findingRow(finding, options, withBaseline));
    lines.push('', ...clauses(report, options), '');
  }

  if (report.resolved && report.resolved.length > 0) {
    lines.push(`#### ${words.resolved} (${report.resolved.length})`, '');
    for (const finding of report.resolved) {
      const subject = finding.subject ? ` — ${escapeMarkdown(subjectText(finding.subject, options.lang))}` : '';
      lines.push(`- ✔ ${code(finding.ruleId)}${subject}${finding.message ? ` : ${escapeMarkdown(finding.message)}` : ''}`);
    }
    lines.push('');
  }

  const notEvaluated = report.rules.filter((rule) => rule.status === 'not_evaluated');
  if (notEvaluated.length > 0) {
    lines.push(`#### ${common.notEvaluated} (${notEvaluated.length})`, '');
    for (const rule of notEvaluated) lines.push(`- ${code(rule.id)} — ${escapeMarkdown(rule.reason ?? '')}`);
    lines.push('');
  }
  if (report.skipped && report.skipped.length > 0) {
    lines.push(`#### ${common.skippedTitle} (${report.summary.rowsSkipped})`, '');
    for (const row of report.skipped) {
      lines.push(row.count === undefined ? `- ${code(`${row.file}:${row.line}`)} — ${escapeMarkdown(row.errors.join(' ; '))}` : `- ${escapeMarkdown(row.errors.join(' ; '))}`);
    }
    lines.push('');
  }
  lines.push(...inputsSection(report, options));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The reading warnings as a list, then the manifest as a table folded under its title. */
function inputsSection(report: Report, options: FormatOptions): string[] {
  if (!report.inputs) return [];
  const words = inputsLabels(options.lang);
  const { files, warnings } = report.inputs;
  const lines: string[] = [];
  if (warnings.length > 0) {
    lines.push(`#### ${words.warnings} (${warnings.length})`, '');
    for (const warning of warnings) {
      const place = code(`${errorFile(warning, options.baseDir)}:${warning.line}:${warning.column}`);
      lines.push(`- ${SEVERITY_SYMBOL.warning} ${place} — ${escapeMarkdown(warning.message)}${warning.value === undefined ? '' : ` (${escapeMarkdown(warning.value)})`}`);
    }
    lines.push('');
  }
  const columns = words.columns;
  const titles = [columns.file, columns.rows, columns.skipped, columns.encoding, columns.delimiter, columns.lineEnds, columns.ignored];
  lines.push('<details>', `<summary>${words.files} (${files.length})</summary>`, '', `| ${titles.join(' | ')} |`, `|${' --- |'.repeat(titles.length)}`);
  for (const entry of files) {
    const cells = [
      escapeMarkdown(manifestName(entry)),
      entry.table === undefined ? '' : `${entry.rows}${entry.streamed ? ` (${words.streamed})` : ''}`,
      entry.table === undefined ? '' : String(entry.skipped),
      escapeMarkdown(entry.encoding ?? ''),
      entry.delimiter === undefined ? '' : escapeMarkdown(delimiterText(entry.delimiter, options.lang)),
      entry.lineEnds === undefined ? '' : words.lineEndsShort[entry.lineEnds],
      ignoredHeaders(entry).map((header) => escapeMarkdown(`« ${header} »`)).join(', '),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', '</details>', '');
  return lines;
}

function findingRow(finding: Finding, options: FormatOptions, withBaseline: boolean): string {
  const common = labels(options.lang);
  const words = ciLabels(options.lang);
  const severity = `${SEVERITY_SYMBOL[finding.severity]} ${common.severity[finding.severity]}`;
  const waiver = finding.waiver
    ? `<br>*${escapeMarkdown(fill(words.waiver, { by: finding.waiver.approvedBy, until: formatDate(finding.waiver.expiresOn, options.lang), reason: finding.waiver.reason }))}*`
    : '';
  const shown = finding.evidence.slice(0, EVIDENCE_SHOWN).map((item) => code(`${item.file}:${item.line}`));
  const total = finding.evidenceTotal ?? finding.evidence.length;
  if (total > shown.length) shown.push(escapeMarkdown(fill(common.more, { count: total - shown.length })));
  const cells = [
    finding.waived ? `~~${severity}~~ ${common.waived}` : severity,
    code(finding.ruleId),
    `${finding.source.document} ${common.article} ${escapeMarkdown(finding.source.article)}`,
    escapeMarkdown(subjectText(finding.subject, options.lang)),
    `${escapeMarkdown(finding.message)}${waiver}`,
    shown.join(', '),
    ...(withBaseline ? [finding.baseline ? words.baseline[finding.baseline] : ''] : []),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The quote of every clause the findings cite, once each, folded so that the table stays readable. */
function clauses(report: Report, options: FormatOptions): string[] {
  const common = labels(options.lang);
  const seen = new Set<string>();
  const items: string[] = [];
  for (const finding of report.findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    items.push(`- **${finding.source.document} ${common.article} ${escapeMarkdown(finding.source.article)}** (${code(finding.ruleId)}) : « ${escapeMarkdown(finding.source.quote)} »`);
  }
  return ['<details>', `<summary>${ciLabels(options.lang).clauses}</summary>`, '', ...items, '', '</details>'];
}

