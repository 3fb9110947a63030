import type { Lang, Severity } from '../rules/rule-types.js';
import type { Finding } from '../report/report-types.js';
import { normalizeText } from '../util/text.js';
import { subjectText } from './subject-text.js';

/** What the list shows: severities switched off with 1 2 3, and the search text. */
export interface FindingFilter {
  readonly hidden: readonly Severity[];
  readonly query: string;
}

/** Whether a finding passes; the search ignores case and accents, as people type `depart` for « départ ». */
export function matchesFilter(finding: Finding, filter: FindingFilter, lang: Lang): boolean {
  if (filter.hidden.includes(finding.severity)) return false;
  const query = normalizeText(filter.query);
  if (query === '') return true;
  const haystack = normalizeText(`${finding.ruleId} ${subjectText(finding.subject, lang)} ${finding.message}`);
  return haystack.includes(query);
}
