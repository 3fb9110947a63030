import type { Lang, Severity } from '../../rules/rule-types.js';
import type { Finding, Report } from '../../report/report-types.js';
import { fill, labels, SEVERITY_SYMBOL, subjectText } from '../../report/labels.js';
import { formatDate } from '../../util/dates.js';
import { ciLabels } from './ci-labels.js';
import { compareSources } from '../../report/source-order.js';
import { terminalSafe, terminalText } from '../../util/terminal-text.js';
import { errorLine } from '../../diagnostics/display-error.js';
import { inputsLabels } from './inputs-labels.js';
import { manifestLine } from './manifest-parts.js';

/** What the text report may be told. */
export interface TextOptions {
  readonly lang: Lang;
  /** ANSI colours (only for an interactive terminal without NO_COLOR). */
  readonly color?: boolean;
}

const COLORS: Record<Severity | 'dim' | 'bold', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/** Evidence lines shown per finding; the JSON output has them all. */
const EVIDENCE_SHOWN = 8;

/** The report for a terminal or CI log, by document and article; its data shown through `terminalSafe`, never obeyed. */
export function formatText(input: Report, options: TextOptions): string {
  const report = terminalSafe(input);
  const words = labels(options.lang);
  const paint = (style: keyof typeof COLORS, text: string) =>
    options.color ? `\u001b[${COLORS[style][0]}m${text}\u001b[${COLORS[style][1]}m` : text;
  const lines: string[] = [];
  const { snapshot } = report;
  lines.push(paint('bold', `vigie ${report.tool.version} — ${snapshot.partner}`));
  const header = [
    snapshot.siret ? `SIRET ${snapshot.siret}` : undefined,
    `${words.asOf} ${formatDate(report.asOf, options.lang)}`,
    snapshot.managementMode ? (words.mode[snapshot.managementMode] ?? snapshot.managementMode) : undefined,
    snapshot.path,
  ].filter(Boolean);
  lines.push(paint('dim', header.join(' · ')), '');

  const obligations = report.findings.filter((finding) => finding.category === 'obligation');
  const recommendations = report.findings.filter((finding) => finding.category === 'recommendation');
  if (report.findings.length === 0) lines.push(words.noFinding, '');
  for (const [heading, group] of groupBySource(obligations, options.lang)) {
    lines.push(paint('bold', heading));
    for (const finding of group) lines.push(...findingLines(finding, options, paint), '');
  }
  if (recommendations.length > 0) {
    lines.push(paint('bold', words.recommendations));
    for (const finding of recommendations) lines.push(...findingLines(finding, options, paint), '');
  }

  const notEvaluated = report.rules.filter((rule) => rule.status === 'not_evaluated');
  if (notEvaluated.length > 0) {
    lines.push(paint('bold', `${words.notEvaluated} (${notEvaluated.length})`));
    for (const rule of notEvaluated) lines.push(`  ? ${rule.id} — ${rule.reason ?? ''}`);
    lines.push('');
  }
  const notApplicable = report.rules.filter((rule) => rule.status === 'passed' && rule.reason);
  if (notApplicable.length > 0) {
    lines.push(paint('bold', `${words.notApplicable} (${notApplicable.length})`));
    for (const rule of notApplicable) lines.push(`  – ${rule.id} — ${rule.reason}`);
    lines.push('');
  }
  if (report.notices && report.notices.length > 0) {
    lines.push(paint('bold', `${ciLabels(options.lang).notices} (${report.notices.length})`));
    for (const notice of report.notices) {
      const symbol = notice.severity === 'warning' ? paint('warning', SEVERITY_SYMBOL.warning) : paint('info', SEVERITY_SYMBOL.info);
      lines.push(`  ${symbol} ${notice.file}:${notice.line}:${notice.column}: ${notice.message}`);
    }
    lines.push('');
  }
  if (report.resolved && report.resolved.length > 0) {
    lines.push(paint('bold', `${ciLabels(options.lang).resolved} (${report.resolved.length})`));
    for (const finding of report.resolved) {
      const subject = finding.subject ? `  ${subjectText(finding.subject, options.lang)}` : '';
      lines.push(`  ✔ ${finding.ruleId}${subject}${finding.message ? ` — ${finding.message}` : ''}`);
    }
    lines.push('');
  }
  if (report.skipped && report.skipped.length > 0) {
    // Past a file's cap its rows are one entry with their count (« … et N autres lignes ignorées »): the title counts them all.
    lines.push(paint('bold', `${words.skippedTitle} (${report.summary.rowsSkipped})`));
    for (const row of report.skipped) lines.push(row.count === undefined ? `  ${row.file}:${row.line}: ${row.errors.join(' ; ')}` : `  ${row.errors.join(' ; ')}`);
    lines.push('');
  }

  lines.push(...inputsLines(input, options, paint));

  const { summary } = report;
  const counts = [
    paint('error', fill(words.count.error, { n: summary.error })),
    paint('warning', fill(words.count.warning, { n: summary.warning })),
    paint('info', fill(words.count.info, { n: summary.info })),
    ...(summary.waived > 0 ? [fill(words.count.waived, { n: summary.waived })] : []),
    ...(summary.rowsSkipped > 0 ? [fill(words.skipped, { n: summary.rowsSkipped })] : []),
  ];
  lines.push(`${words.summary} : ${counts.join(' · ')}`);
  lines.push(fill(words.rules, { failed: summary.rulesFailed, passed: summary.rulesPassed, notEvaluated: summary.rulesNotEvaluated }));
  if (summary.rulesWaived) lines.push(fill(ciLabels(options.lang).rulesWaived, { n: summary.rulesWaived }));
  if (report.resolved) {
    const count = (state: 'new' | 'existing') => report.findings.filter((finding) => finding.baseline === state).length;
    lines.push(fill(ciLabels(options.lang).baselineSummary, { new: count('new'), existing: count('existing'), resolved: report.resolved.length }));
  }
  return `${lines.join('\n')}\n`;
}

/** The manifest, one line per file, then every reading warning as `FILE:LINE:COLUMN: message (value)`; from the raw report, each line made safe. */
function inputsLines(report: Report, options: TextOptions, paint: (style: keyof typeof COLORS, text: string) => string): string[] {
  if (!report.inputs) return [];
  const words = inputsLabels(options.lang);
  const { files, warnings } = report.inputs;
  const lines = [paint('bold', `${words.files} (${files.length})`), ...files.map((entry) => `  ${terminalText(manifestLine(entry, options.lang))}`), ''];
  if (warnings.length > 0) {
    lines.push(paint('bold', `${words.warnings} (${warnings.length})`));
    for (const warning of warnings) lines.push(`  ${paint('warning', SEVERITY_SYMBOL.warning)} ${errorLine(warning)}`);
    lines.push('');
  }
  return lines;
}

function findingLines(finding: Finding, options: TextOptions, paint: (style: keyof typeof COLORS, text: string) => string): string[] {
  const words = labels(options.lang);
  const severity = `${SEVERITY_SYMBOL[finding.severity]} ${words.severity[finding.severity].toUpperCase()}`;
  const subject = subjectText(finding.subject, options.lang);
  const ci = ciLabels(options.lang);
  const waived = finding.waived ? ` [${words.waived}]` : '';
  const baseline = finding.baseline ? ` [${ci.baseline[finding.baseline]}]` : '';
  const shown = finding.evidence.slice(0, EVIDENCE_SHOWN).map((item) => `${item.file}:${item.line}${item.path ? ` (${item.path})` : ''}`);
  const total = finding.evidenceTotal ?? finding.evidence.length;
  if (total > shown.length) shown.push(fill(words.more, { count: total - shown.length }));
  return [
    `  ${paint(finding.severity, severity)}  ${finding.ruleId}  ${subject}${waived}${baseline}`,
    `    ${finding.message}`,
    paint('dim', `    « ${finding.source.quote} »`),
    `    ${words.evidence} : ${shown.join(', ')}`,
    `    ${words.remediation} : ${finding.remediation}`,
    ...(finding.waiver
      ? [`    ${fill(ci.waiver, { by: finding.waiver.approvedBy, until: formatDate(finding.waiver.expiresOn, options.lang), reason: finding.waiver.reason })} (${finding.waiver.file}:${finding.waiver.line})`]
      : []),
  ];
}

/** Findings grouped under "Document art. X" headings, in contract order. */
function groupBySource(findings: readonly Finding[], lang: Lang): [string, Finding[]][] {
  const words = labels(lang);
  const groups = new Map<string, Finding[]>();
  const sorted = [...findings].sort((a, b) => compareSources(a.source, b.source));
  for (const finding of sorted) {
    const heading = `${words.document[finding.source.document] ?? finding.source.document} (${finding.source.document}) ${words.article} ${finding.source.article}`;
    const group = groups.get(heading);
    if (group) group.push(finding);
    else groups.set(heading, [finding]);
  }
  return [...groups.entries()];
}
