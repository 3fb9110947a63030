import type { Lang } from '../../i18n/lang.js';
import { labels } from '../../report/labels.js';
import type { Deadline } from '../../deadlines/deadline-types.js';
import { deadlineLabels } from '../../deadlines/deadline-labels.js';

/** The clause a deadline cites, as people write it: `CS art. 2.2.2`; empty when it has none. */
export function deadlineClause(deadline: Deadline, lang: Lang): string {
  return deadline.source ? `${deadline.source.document} ${deadlineLabels(lang).view.article} ${deadline.source.article}` : '';
}

/** What a deadline is about: `incident I-2024-04`, `partenaire 20003063300198`. */
export function deadlineSubject(deadline: Deadline, lang: Lang): string {
  const { type, id } = deadline.subject;
  return `${labels(lang).subject[type] ?? deadlineLabels(lang).subject[type] ?? type} ${id}`;
}
