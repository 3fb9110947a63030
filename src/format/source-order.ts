import type { RuleSource } from '../rules/rule-types.js';

const DOCUMENT_ORDER = ['CONV', 'CS', 'AFAS'];

/** Contract order: convention, service contract, AFAS subscription; articles by number (9.2 < 16 < 17.1). */
export function compareSources(a: RuleSource, b: RuleSource): number {
  const byDocument = DOCUMENT_ORDER.indexOf(a.document) - DOCUMENT_ORDER.indexOf(b.document);
  if (byDocument !== 0) return byDocument;
  return a.article.localeCompare(b.article, 'en', { numeric: true });
}
