import type { RuleSource } from '../rules/rule-types.js';

const DOCUMENT_ORDER = ['CONV', 'CS', 'AFAS'];

/** Contract order: convention, service contract, AFAS subscription; articles by number (9.2 < 16 < 17.1). */
export function compareSources(a: RuleSource, b: RuleSource): number {
  const byDocument = DOCUMENT_ORDER.indexOf(a.document) - DOCUMENT_ORDER.indexOf(b.document);
  if (byDocument !== 0) return byDocument;
  return a.article.localeCompare(b.article, 'en', { numeric: true });
}

/** Document codes in contract order, any other name after them in alphabetical order. */
export function compareDocuments(a: string, b: string): number {
  const rank = (document: string) => (DOCUMENT_ORDER.includes(document) ? DOCUMENT_ORDER.indexOf(document) : DOCUMENT_ORDER.length);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
