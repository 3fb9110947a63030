import type { Lang } from '../i18n/lang.js';
import type { Finding } from '../report/report-types.js';
import { labels } from '../report/labels.js';

/** A finding's subject as people read it: `utilisateur U004`, `équipement EQ-MA`. */
export function subjectText(subject: Finding['subject'], lang: Lang): string {
  return `${labels(lang).subject[subject.type] ?? subject.type} ${subject.id}`;
}
