import type { Lang } from '../../i18n/lang.js';
import type { ResolvedFinding } from '../../report/report-types.js';
import type { FormatOptions } from '../format-options.js';
import { escapeHtml } from '../escape-html.js';
import { fill, labels } from '../../report/labels.js';
import { formatDate } from '../../util/dates.js';
import { bilanChartSvg } from './bilan-chart-svg.js';
import { bilanLabels } from './bilan-labels.js';
import { BILAN_CSS } from './bilan-styles.js';
import type { Bilan, BilanArticle, BilanCounts, BilanFinding, BilanRule, BilanStatus } from '../../bilan/bilan-types.js';
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

/** Shorthand: every piece of data goes through it before it reaches the page. */
const h = escapeHtml;

/** The bilan as one self-contained HTML file to print, no script; every data text is escaped. */
export function formatBilanHtml(bilan: Bilan, options: FormatOptions): string {
  const lang = options.lang;
  const words = bilanLabels(lang);
  const title = fill(words.documentTitle, { partner: bilan.snapshot.partner, date: formatDate(bilan.asOf, lang) });
  const body = [
    masthead(bilan, lang),
    synthesis(bilan, lang),
    ...bilan.documents.map((document) =>
      [`<section class="document">`, `<h2>${h(documentName(document.document, lang))}</h2>`, ...document.articles.map((article) => articleSection(article, bilan, lang)), '</section>'].join('\n'),
    ),
    recommendations(bilan, lang),
    signatures(bilan, lang),
  ].filter(Boolean);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${BILAN_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="sheet">',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function masthead(bilan: Bilan, lang: Lang): string {
  const words = bilanLabels(lang);
  const { snapshot } = bilan;
  const rows: [string, string][] = [
    [words.partner, `<span class="partner-name">${h(snapshot.partner)}</span>`],
    ...(snapshot.siret ? [[words.siret, h(snapshot.siret)] as [string, string]] : []),
    [words.asOf, h(formatDate(bilan.asOf, lang))],
    ...(snapshot.managementMode ? [[words.mode, h(labels(lang).mode[snapshot.managementMode] ?? snapshot.managementMode)] as [string, string]] : []),
    [words.snapshot, `<code>${h(snapshot.path)}</code>`],
    ...(bilan.previous
      ? [[words.previousBilan, fill(h(words.previousAt), { path: `<code>${h(bilan.previous.snapshotPath)}</code>`, date: h(formatDate(bilan.previous.asOf, lang)) })] as [string, string]]
      : []),
  ];
  return [
    '<header class="masthead">',
    `<p class="kicker">${h(`Mon Compte Partenaire · CONV ${labels(lang).article} 16`)}</p>`,
    `<h1>${h(words.title)}</h1>`,
    `<p class="basis">${h(words.basis)}</p>`,
    '<dl class="identity">',
    ...rows.map(([name, value]) => `<dt>${h(name)}</dt><dd>${value}</dd>`),
    '</dl>',
    '</header>',
  ].join('\n');
}

function synthesis(bilan: Bilan, lang: Lang): string {
  const words = bilanLabels(lang);
  const { counts, summary, previous } = bilan;
  const tile = (kind: BilanStatus | 'findings', label: string, now: number, then: number | undefined) =>
    `<div class="tile ${kind}"><div class="number">${now}</div><div class="label">${h(label)}</div>${
      then === undefined ? '' : `<div class="before">${h(`${words.lastYear}${words.colon} ${then}`)}</div>`
    }</div>`;
  const parts = [
    '<section class="synthesis">',
    `<h2>${h(words.summary)}</h2>`,
    '<div class="tiles">',
    tile('compliant', words.statusPlural.compliant, counts.compliant, previous?.counts.compliant),
    tile('non_compliant', words.statusPlural.non_compliant, counts.nonCompliant, previous?.counts.nonCompliant),
    tile('not_verifiable', words.statusPlural.not_verifiable, counts.notVerifiable, previous?.counts.notVerifiable),
    tile('findings', words.column.findings, counts.findings, previous?.counts.findings),
    '</div>',
    `<p>${h(fill(words.rulesLine, { total: totalRules(counts), compliant: counts.compliant, nonCompliant: counts.nonCompliant, notVerifiable: counts.notVerifiable }))} ${h(
      fill(words.findingsLine, { error: summary.error, warning: summary.warning, info: summary.info }),
    )}</p>`,
  ];
  if (previous) parts.push(`<p><strong>${h(fill(words.trendLine, { appeared: previous.appeared, resolved: previous.resolved, persisting: previous.persisting }))}</strong></p>`);
  if (bilan.rowsSkipped > 0) parts.push(`<p class="warning-banner">${h(fill(words.skipped, { n: bilan.rowsSkipped }))}</p>`);
  parts.push('<figure>', bilanChartSvg(bilan, lang), `<figcaption>${h(words.chartCaption)}</figcaption>`, '</figure>');
  parts.push(countsTable(bilan, lang), '</section>');
  return parts.join('\n');
}

/** The counts of every article (then → now with a previous bilan) and their total. */
function countsTable(bilan: Bilan, lang: Lang): string {
  const words = bilanLabels(lang);
  const { previous } = bilan;
  const row = (name: string, counts: BilanCounts, then: number | undefined, cell: 'td' | 'th' = 'td') =>
    `<tr><${cell}>${h(name)}</${cell}><td class="number">${counts.compliant}</td><td class="number">${counts.nonCompliant}</td><td class="number">${counts.notVerifiable}</td><td class="number">${trendCell(counts.findings, then)}</td></tr>`;
  const rows = bilan.documents.flatMap((document) =>
    document.articles.map((article) => row(articleName(article.document, article.article, lang), article.counts, previous ? (article.previousCounts?.findings ?? 0) : undefined)),
  );
  return [
    '<table class="counts">',
    '<colgroup><col class="article"><col><col><col><col></colgroup>',
    `<thead><tr><th>${h(words.column.article)}</th><th class="number">${h(words.statusPlural.compliant)}</th><th class="number">${h(words.statusPlural.non_compliant)}</th><th class="number">${h(
      words.statusPlural.not_verifiable,
    )}</th><th class="number">${h(previous ? words.column.trend : words.column.findings)}</th></tr></thead>`,
    `<tbody>`,
    ...rows,
    '</tbody>',
    `<tfoot>${row('Total', bilan.counts, previous?.counts.findings)}</tfoot>`,
    '</table>',
  ].join('\n');
}

/** `then → now`, in bold when the count changed so that the eye finds what moved. */
function trendCell(now: number, then: number | undefined): string {
  const text = h(trendText(now, then));
  return then !== undefined && then !== now ? `<strong>${text}</strong>` : text;
}

function articleSection(article: BilanArticle, bilan: Bilan, lang: Lang): string {
  const words = bilanLabels(lang);
  const { counts } = article;
  const countBadge = (status: BilanStatus, n: number) => (n > 0 ? badge(status, fill(words.statusCount[status][n > 1 ? 1 : 0], { n })) : '');
  const badges = [
    countBadge('non_compliant', counts.nonCompliant),
    countBadge('not_verifiable', counts.notVerifiable),
    countBadge('compliant', counts.compliant),
  ].filter(Boolean);
  return [
    '<section class="article">',
    // The heading stays on the page of its table.
    '<div class="keep">',
    `<h3>${h(fill(words.article, { article: article.article }))} <span class="article-counts">${badges.join(' ')}</span></h3>`,
    ruleTable(article.rules, bilan, lang),
    '</div>',
    ...article.rules.filter(hasDetails).map((rule) => ruleDetails(rule, lang)),
    '</section>',
  ].join('\n');
}

/** Every rule with its status; a rule not verifiable, or not applicable, says why. */
function ruleTable(rules: readonly BilanRule[], bilan: Bilan, lang: Lang): string {
  const words = bilanLabels(lang);
  const column = words.column;
  const withPrevious = Boolean(bilan.previous);
  const rows = rules.map((rule) => {
    const status = rule.notApplicable ? 'not_applicable' : rule.status;
    const reason = rule.reason ? `<span class="reason">${h(rule.reason)}</span>` : '';
    return [
      '<tr>',
      `<td>${badge(status, `${statusSymbol(rule)} ${statusText(rule, words)}`)}</td>`,
      // The status is said of the obligation (« ✔ Conforme · SIRET valide »), never of the breach.
      `<td>${h(rule.obligation)}<span class="rule-id">${h(rule.id)}</span>${reason}</td>`,
      `<td class="number">${rule.status === 'not_verifiable' ? '—' : rule.findings.length}</td>`,
      withPrevious ? `<td>${h(previousText(rule, words))}</td>` : '',
      '</tr>',
    ].join('');
  });
  return [
    '<table class="rules">',
    `<colgroup><col class="status"><col><col class="findings">${withPrevious ? '<col class="previous">' : ''}</colgroup>`,
    `<thead><tr><th>${h(column.status)}</th><th>${h(column.rule)}</th><th class="number">${h(column.findings)}</th>${withPrevious ? `<th>${h(column.previous)}</th>` : ''}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** The clause, each finding as a block that never splits across pages, and what was resolved. */
function ruleDetails(rule: BilanRule, lang: Lang): string {
  const words = bilanLabels(lang);
  const [first, ...others] = rule.findings.map((finding) => findingBlock(finding, lang));
  const parts = [
    '<div class="rule-detail">',
    // A rule's title and clause never end a page: they stay with its first finding.
    '<div class="keep">',
    `<h4>${h(`${statusSymbol(rule)} ${rule.id} — ${ruleHeading(rule)}`)}</h4>`,
    `<blockquote>${h(`${words.clause} ${articleName(rule.source.document, rule.source.article, lang)}${words.colon} « ${rule.source.quote} »`)}</blockquote>`,
    ...(first === undefined ? [] : [first]),
    '</div>',
    ...others,
  ];
  if (rule.resolved.length > 0) {
    parts.push('<div class="resolved">', `<h5>${h(words.resolved)}</h5>`, '<ul>', ...rule.resolved.map((finding) => resolvedItem(finding, lang)), '</ul>', '</div>');
  }
  parts.push('</div>');
  return parts.join('\n');
}

function findingBlock(finding: BilanFinding, lang: Lang): string {
  const words = bilanLabels(lang);
  const common = labels(lang);
  const head = [
    badge(finding.severity, common.severity[finding.severity]),
    `<span class="subject">${h(subjectName(finding.subject, lang))}</span>`,
    finding.change ? badge('change', words.change[finding.change]) : '',
    finding.waived ? badge('waived', common.waived) : '',
  ].filter(Boolean);
  const parts = [`<article class="finding ${finding.severity}">`, `<div class="finding-head">${head.join(' ')}</div>`, `<p class="message">${h(finding.message)}</p>`];
  if (finding.waiver) {
    const { approvedBy, expiresOn, reason } = finding.waiver;
    parts.push(`<p class="waiver">${h(fill(words.waived, { by: approvedBy, until: formatDate(expiresOn, lang), reason }))}</p>`);
  }
  if (finding.evidence.length > 0) {
    const share = evidenceShare(finding, words);
    const items = finding.evidence.map((item) => `<code>${h(evidenceName(item))}</code>`).join(', ');
    parts.push(`<p class="evidence"><span class="field">${h(`${words.evidence}${share ? ` (${share})` : ''}${words.colon}`)}</span> ${items}</p>`);
  }
  if (finding.remediation) parts.push(`<p class="todo"><span class="field">${h(`${words.remediation}${words.colon}`)}</span> ${h(finding.remediation)}</p>`);
  parts.push('</article>');
  return parts.join('\n');
}

function resolvedItem(finding: ResolvedFinding, lang: Lang): string {
  const subject = finding.subject ? `<strong>${h(subjectName(finding.subject, lang))}</strong>` : `<code>${h(finding.ruleId)}</code>`;
  return `<li>${subject}${finding.message ? ` — ${h(finding.message)}` : ''}</li>`;
}

function recommendations(bilan: Bilan, lang: Lang): string {
  if (bilan.recommendations.length === 0) return '';
  const words = bilanLabels(lang);
  return [
    '<section class="document recommendations">',
    `<h2>${h(words.recommendations)}</h2>`,
    ruleTable(bilan.recommendations, bilan, lang),
    ...bilan.recommendations.filter(hasDetails).map((rule) => ruleDetails(rule, lang)),
    '</section>',
  ].join('\n');
}

/** Both parties' boxes, kept on one page with the colophon (a page holding only that line would look unfinished). */
function signatures(bilan: Bilan, lang: Lang): string {
  const words = bilanLabels(lang);
  const box = (side: string) =>
    [
      '<div class="sign-box">',
      `<h3>${h(side)}</h3>`,
      ...[words.name, words.quality, words.date].map((field) => `<div class="sign-line"><span class="field">${h(`${field}${words.colon}`)}</span><span class="blank"></span></div>`),
      `<div class="sign-area">${h(words.signature)}</div>`,
      '</div>',
    ].join('\n');
  return [
    '<section class="signatures">',
    `<h2>${h(words.signatures)}</h2>`,
    `<p>${h(words.signaturesIntro)}</p>`,
    '<div class="sign-grid">',
    box(words.cafSide),
    box(words.partnerSide),
    '</div>',
    `<p class="colophon">${h(fill(words.generated, { version: bilan.tool.version, path: bilan.snapshot.path }))}</p>`,
    '</section>',
  ].join('\n');
}

function badge(kind: string, text: string): string {
  return `<span class="badge ${kind}">${h(text)}</span>`;
}
