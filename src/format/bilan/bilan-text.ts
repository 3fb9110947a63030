import type { Lang } from '../../i18n/lang.js';
import type { Evidence, Finding, FindingSubject } from '../../report/report-types.js';
import { fill, labels, subjectText } from '../../report/labels.js';
import type { BilanLabels } from './bilan-labels.js';
import type { BilanCounts, BilanRule, BilanStatus } from '../../bilan/bilan-types.js';

/** Symbols that carry a rule's status without colour (Markdown, print in black and white). */
export const STATUS_SYMBOL: Record<BilanStatus | 'not_applicable', string> = {
  compliant: '✔',
  non_compliant: '✖',
  not_verifiable: '?',
  not_applicable: '–',
};

/** `CONV art. 9.2`: the short name of an article in tables and on the chart. */
export function articleName(document: string, article: string, lang: Lang): string {
  return `${document} ${labels(lang).article} ${article}`;
}

/** `Convention (CONV)`: a document's heading. */
export function documentName(document: string, lang: Lang): string {
  const name = labels(lang).document[document];
  return name ? `${name} (${document})` : document;
}

/** `utilisateur U004`, `interlocuteur administrateur chuygen@…`: the subject in words, as every report shows it. */
export function subjectName(subject: FindingSubject, lang: Lang): string {
  return subjectText(subject, lang);
}

/** `habilitations.csv:7`, or `partner.yaml:13 (convention.signed_on)` for a declaration. */
export function evidenceName(item: Evidence): string {
  return item.path ? `${item.file}:${item.line} (${item.path})` : `${item.file}:${item.line}`;
}

/** `20 sur 24` when a trace rule lists only its first records, else undefined. */
export function evidenceShare(finding: Finding, words: BilanLabels): string | undefined {
  const total = finding.evidenceTotal ?? finding.evidence.length;
  return total > finding.evidence.length ? fill(words.evidenceTotal, { shown: finding.evidence.length, total }) : undefined;
}

/** `Conforme`, `Conforme (sans objet)`, `Non vérifiable`… */
export function statusText(rule: BilanRule, words: BilanLabels): string {
  const status = words.status[rule.status];
  return rule.notApplicable ? `${status} (${words.notApplicable})` : status;
}

/** The heading of a rule's details: the breach its findings are (« ✖ SIRET invalide »), or the obligation when only last year's findings are listed, resolved (« ✔ SIRET valide »). */
export function ruleHeading(rule: BilanRule): string {
  return rule.findings.length > 0 ? rule.title : rule.obligation;
}

/** The symbol of a rule's status, `–` for a rule that does not apply. */
export function statusSymbol(rule: BilanRule): string {
  return STATUS_SYMBOL[rule.notApplicable ? 'not_applicable' : rule.status];
}

/** `bilan précédent : conforme, 0 constat(s)`, or that the rule was not in it. */
export function previousText(rule: BilanRule, words: BilanLabels): string {
  if (!rule.previous) return words.wasAbsent;
  return fill(words.wasStatus, { status: words.status[rule.previous.status].toLowerCase(), findings: rule.previous.findings });
}

/** `3 → 1` with a previous bilan, else `1`. */
export function trendText(now: number, then: number | undefined): string {
  return then === undefined ? String(now) : `${then} → ${now}`;
}

/** The number of rules counted. */
export function totalRules(counts: BilanCounts): number {
  return counts.compliant + counts.nonCompliant + counts.notVerifiable;
}

/** Rules whose details are worth a block: findings now, or findings resolved since last year. */
export function hasDetails(rule: BilanRule): boolean {
  return rule.findings.length > 0 || rule.resolved.length > 0;
}
