import type { Lang, Severity } from '../rules/rule-types.js';
import { SEVERITIES } from '../rules/rule-types.js';
import type { Finding } from '../report/report-types.js';
import { labels } from '../report/labels.js';
import { compareSources } from '../report/source-order.js';
import { matchesFilter, type FindingFilter } from './filter-findings.js';
import { tuiLabels } from './tui-labels.js';

/** How the list groups findings: by contract clause (as the text report does) or by severity. */
export type Grouping = 'source' | 'severity';

/** One line of the list: a group heading or a finding (with its index in `report.findings`). */
export type ListRow =
  | { readonly kind: 'heading'; readonly text: string; readonly count: number; readonly severity?: Severity }
  | { readonly kind: 'finding'; readonly index: number; readonly finding: Finding };

/** The list rows for a filter and grouping, in contract order within groups; empty groups vanish. */
export function listRows(findings: readonly Finding[], filter: FindingFilter, grouping: Grouping, lang: Lang): ListRow[] {
  const shown = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => matchesFilter(finding, filter, lang))
    // Array.prototype.sort is stable, so findings of one clause keep the report's order.
    .sort((a, b) => compareSources(a.finding.source, b.finding.source));
  const groups = new Map<string, { severity?: Severity; items: { finding: Finding; index: number }[] }>();
  const add = (key: string, item: { finding: Finding; index: number }, severity?: Severity) => {
    const group = groups.get(key) ?? { severity, items: [] };
    group.items.push(item);
    groups.set(key, group);
  };
  if (grouping === 'severity') {
    // Insert the groups first so that they come out in severity order.
    for (const severity of SEVERITIES) groups.set(severityHeading(severity, lang), { severity, items: [] });
    for (const item of shown) add(severityHeading(item.finding.severity, lang), item, item.finding.severity);
  } else {
    const recommendations = shown.filter(({ finding }) => finding.category === 'recommendation');
    for (const item of shown) if (item.finding.category === 'obligation') add(sourceHeading(item.finding, lang), item);
    for (const item of recommendations) add(labels(lang).recommendations, item);
  }
  const rows: ListRow[] = [];
  for (const [text, group] of groups) {
    if (group.items.length === 0) continue;
    rows.push({ kind: 'heading', text, count: group.items.length, severity: group.severity });
    for (const { finding, index } of group.items) rows.push({ kind: 'finding', index, finding });
  }
  return rows;
}

/** « Convention (CONV) art. 9.2 », the heading the text report uses too. */
export function sourceHeading(finding: Pick<Finding, 'source'>, lang: Lang): string {
  const words = labels(lang);
  const { document, article } = finding.source;
  return `${words.document[document] ?? document} (${document}) ${words.article} ${article}`;
}

function severityHeading(severity: Severity, lang: Lang): string {
  return tuiLabels(lang).severityGroup[severity];
}
