import type { Lang } from '../../i18n/lang.js';
import type { ResolvedFinding } from '../../report/report-types.js';
import type { FormatOptions } from '../format-options.js';
import { code, escapeMarkdown } from '../markdown-text.js';
import { fill, labels, SEVERITY_SYMBOL } from '../../report/labels.js';
import { formatDate } from '../../util/dates.js';
import { bilanLabels } from './bilan-labels.js';
import type { Bilan, BilanArticle, BilanFinding, BilanRule } from '../../bilan/bilan-types.js';
import {
  articleName,
  documentName,
  evidenceName,
  evidenceShare,
  hasDetails,
  previousText,
  ruleHeading,
  statusSymbol,
  statusText,
  subjectName,
  totalRules,
  trendText,
} from './bilan-text.js';

/** The annual bilan in Markdown, one section per document and article, then a signature table. */
export function formatBilanMarkdown(bilan: Bilan, options: FormatOptions): string {
  const words = bilanLabels(options.lang);
  const lines: string[] = [`# ${words.title}`, '', words.basis, ''];
  lines.push(...identification(bilan, options.lang), '');
  lines.push(...synthesis(bilan, options.lang), '');
  for (const document of bilan.documents) {
    lines.push(`## ${escapeMarkdown(documentName(document.document, options.lang))}`, '');
    for (const article of document.articles) lines.push(...articleSection(article, bilan, options.lang), '');
  }
  if (bilan.recommendations.length > 0) {
    lines.push(`## ${words.recommendations}`, '');
    lines.push(...ruleTable(bilan.recommendations, bilan, options.lang), '');
    for (const rule of bilan.recommendations.filter(hasDetails)) lines.push(...ruleDetails(rule, options.lang), '');
  }
  lines.push(...signatures(options.lang), '');
  lines.push('---', '', `*${escapeMarkdown(fill(words.generated, { version: bilan.tool.version, path: bilan.snapshot.path }))}*`);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function identification(bilan: Bilan, lang: Lang): string[] {
  const words = bilanLabels(lang);
  const { snapshot } = bilan;
  const rows: [string, string][] = [
    [words.partner, `**${escapeMarkdown(snapshot.partner)}**`],
    ...(snapshot.siret ? [[words.siret, escapeMarkdown(snapshot.siret)] as [string, string]] : []),
    [words.asOf, formatDate(bilan.asOf, lang)],
    ...(snapshot.managementMode ? [[words.mode, escapeMarkdown(labels(lang).mode[snapshot.managementMode] ?? snapshot.managementMode)] as [string, string]] : []),
    [words.snapshot, code(snapshot.path)],
    ...(bilan.previous
      ? [[words.previousBilan, fill(words.previousAt, { path: code(bilan.previous.snapshotPath), date: formatDate(bilan.previous.asOf, lang) })] as [string, string]]
      : []),
  ];
  return ['| | |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value} |`)];
}

function synthesis(bilan: Bilan, lang: Lang): string[] {
  const words = bilanLabels(lang);
  const { counts, summary, previous } = bilan;
  const lines = [`## ${words.summary}`, ''];
  lines.push(fill(words.rulesLine, { total: totalRules(counts), compliant: counts.compliant, nonCompliant: counts.nonCompliant, notVerifiable: counts.notVerifiable }));
  lines.push(fill(words.findingsLine, { error: summary.error, warning: summary.warning, info: summary.info }));
  if (previous) lines.push(fill(words.trendLine, { appeared: previous.appeared, resolved: previous.resolved, persisting: previous.persisting }));
  if (bilan.rowsSkipped > 0) lines.push('', `**${fill(words.skipped, { n: bilan.rowsSkipped })}**`);
  lines.push('');

  const column = words.column;
  const findingsTitle = previous ? column.trend : column.findings;
  lines.push(
    `| ${column.article} | ${words.statusPlural.compliant} | ${words.statusPlural.non_compliant} | ${words.statusPlural.not_verifiable} | ${findingsTitle} |`,
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const document of bilan.documents) {
    for (const article of document.articles) {
      const { counts: now } = article;
      lines.push(
        `| ${escapeMarkdown(articleName(article.document, article.article, lang))} | ${now.compliant} | ${now.nonCompliant} | ${now.notVerifiable} | ${trendText(now.findings, previous ? (article.previousCounts?.findings ?? 0) : undefined)} |`,
      );
    }
  }
  lines.push(
    `| **Total** | **${counts.compliant}** | **${counts.nonCompliant}** | **${counts.notVerifiable}** | **${trendText(counts.findings, previous?.counts.findings)}** |`,
  );
  return lines;
}

function articleSection(article: BilanArticle, bilan: Bilan, lang: Lang): string[] {
  const words = bilanLabels(lang);
  const lines = [`### ${fill(words.article, { article: escapeMarkdown(article.article) })}`, ''];
  lines.push(...ruleTable(article.rules, bilan, lang));
  for (const rule of article.rules.filter(hasDetails)) lines.push('', ...ruleDetails(rule, lang));
  return lines;
}

/** Every rule of an article with its status; a rule not verifiable says why. */
function ruleTable(rules: readonly BilanRule[], bilan: Bilan, lang: Lang): string[] {
  const words = bilanLabels(lang);
  const column = words.column;
  const lines = [
    `| ${column.status} | ${column.rule} | ${column.findings} |${bilan.previous ? ` ${column.previous} |` : ''}`,
    `| --- | --- | ---: |${bilan.previous ? ' --- |' : ''}`,
  ];
  for (const rule of rules) {
    const reason = rule.reason ? `<br>*${escapeMarkdown(rule.reason)}*` : '';
    const cells = [
      `${statusSymbol(rule)} ${statusText(rule, words)}`,
      // The status is said of the obligation (« ✔ Conforme · SIRET valide »), never of the breach.
      `${code(rule.id)} ${escapeMarkdown(rule.obligation)}${reason}`,
      rule.status === 'not_verifiable' ? '—' : String(rule.findings.length),
      ...(bilan.previous ? [escapeMarkdown(previousText(rule, words))] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The clause, each finding with its evidence and what to do, and last year's findings now gone. */
function ruleDetails(rule: BilanRule, lang: Lang): string[] {
  const words = bilanLabels(lang);
  const lines = [`#### ${statusSymbol(rule)} ${code(rule.id)} — ${escapeMarkdown(ruleHeading(rule))}`, ''];
  lines.push(`> ${words.clause} ${escapeMarkdown(articleName(rule.source.document, rule.source.article, lang))}${words.colon} « ${escapeMarkdown(rule.source.quote)} »`, '');
  for (const finding of rule.findings) lines.push(...findingItem(finding, lang));
  if (rule.resolved.length > 0) {
    if (rule.findings.length > 0) lines.push('');
    lines.push(`${words.resolved}${words.colon}`, '');
    for (const finding of rule.resolved) lines.push(resolvedItem(finding, lang));
  }
  return lines;
}

function findingItem(finding: BilanFinding, lang: Lang): string[] {
  const words = bilanLabels(lang);
  const common = labels(lang);
  const change = finding.change ? ` · *${words.change[finding.change]}*` : '';
  const severity = `${SEVERITY_SYMBOL[finding.severity]} **${common.severity[finding.severity]}**`;
  const lines = [`- ${severity} · ${escapeMarkdown(subjectName(finding.subject, lang))}${change} — ${escapeMarkdown(finding.message)}`];
  if (finding.waiver) {
    const { approvedBy, expiresOn, reason } = finding.waiver;
    lines.push(`  - *${escapeMarkdown(fill(words.waived, { by: approvedBy, until: formatDate(expiresOn, lang), reason }))}*`);
  }
  if (finding.evidence.length > 0) {
    const share = evidenceShare(finding, words);
    lines.push(`  - ${words.evidence}${share ? ` (${share})` : ''}${words.colon} ${finding.evidence.map((item) => code(evidenceName(item))).join(', ')}`);
  }
  if (finding.remediation) lines.push(`  - ${words.remediation}${words.colon} ${escapeMarkdown(finding.remediation)}`);
  return lines;
}

function resolvedItem(finding: ResolvedFinding, lang: Lang): string {
  const subject = finding.subject ? ` · ${escapeMarkdown(subjectName(finding.subject, lang))}` : '';
  return `- ✔ ${code(finding.ruleId)}${subject}${finding.message ? ` — ${escapeMarkdown(finding.message)}` : ''}`;
}

function signatures(lang: Lang): string[] {
  const words = bilanLabels(lang);
  return [
    `## ${words.signatures}`,
    '',
    words.signaturesIntro,
    '',
    `| ${words.cafSide} | ${words.partnerSide} |`,
    '| --- | --- |',
    ...[words.name, words.quality, words.date].map((field) => `| ${field}${words.colon} | ${field}${words.colon} |`),
    `| ${words.signature}${words.colon}<br><br><br><br> | ${words.signature}${words.colon}<br><br><br><br> |`,
  ];
}
