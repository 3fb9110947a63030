import type { DataRecord } from '../snapshot/snapshot-types.js';
import type { Rule } from '../rules/rule-types.js';
import { SEVERITIES } from '../rules/rule-types.js';
import { PARTNER_SOURCE } from '../facts/record-sources.js';
import type { Scope } from '../facts/scope.js';
import { STREAMED_SOURCES } from '../snapshot/table-schemas.js';
import type { Evidence, Finding, FindingSubject } from '../report/report-types.js';
import { fingerprint } from './fingerprint.js';
import { renderMessage } from './render-template.js';
import { recordIdentity } from './record-identity.js';

/** A finding of a rule about the entity in `scope`, resting on `records` (`total` of them in all). */
export function buildFinding(rule: Rule, scope: Scope, records: readonly DataRecord[], matched: string[], total: number): Finding {
  const { lang } = scope.context;
  const evidence = evidenceOf(rule, scope, records);
  // Trace lines come and go from one export to the next (new actions, old ones purged): a
  // finding over traces is the same finding as long as its subject and other records are.
  const keys = records.filter((record) => record.table !== PARTNER_SOURCE && !STREAMED_SOURCES.has(record.table)).map(recordIdentity);
  for (const item of evidence) if (item.path) keys.push(`partner:${item.path}`);
  const extra = { matched };
  return {
    ruleId: rule.id,
    severity: rule.severity,
    category: rule.category,
    title: rule.title[lang],
    message: renderMessage(rule.message[lang], scope, lang, extra),
    source: rule.source,
    subject: withLabel(rule, scope),
    evidence,
    ...(total > evidence.length ? { evidenceTotal: total } : {}),
    remediation: renderMessage(rule.remediation[lang], scope, lang, extra),
    fingerprint: fingerprint(rule.id, scope.subject!, keys),
    waived: false,
  };
}

/** The subject with its id in words in both languages (`administrator` → « administrateur »), when the words differ from the codes. */
function withLabel(rule: Rule, scope: Scope): FindingSubject {
  const subject = scope.subject!;
  const label = { fr: renderMessage(rule.subject.id, scope, 'fr'), en: renderMessage(rule.subject.id, scope, 'en') };
  return label.fr === subject.id && label.en === subject.id ? subject : { ...subject, label };
}

/** Evidence: the entity's and the facts' records, and for findings about the partner's declarations the partner.yaml keys read, sorted by file and line. */
function evidenceOf(rule: Rule, scope: Scope, records: readonly DataRecord[]): Evidence[] {
  const partner = scope.context.snapshot.partner;
  const items: Evidence[] = [];
  const seen = new Set<string>();
  const push = (item: Evidence) => {
    const key = `${item.file}\u0000${item.line}\u0000${item.path ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const record of records) {
    if (record.table === PARTNER_SOURCE) continue;
    push({ file: record.file, line: record.line, table: record.table, values: record.values });
  }
  // The partner.yaml keys the rule reads are evidence too; a finding with no other evidence cites the partner.
  const fallback = items.length === 0 ? ['partner'] : [];
  const keys = rule.needs.partner?.length ? rule.needs.partner : fallback;
  const listsCited = new Set(records.map((record) => record.table));
  for (const key of keys) {
    // An item of a partner list (a contact) already cites its place in partner.yaml.
    if (listsCited.has(key)) continue;
    const path = key.split('.');
    const position = partner.locate(path);
    if (!position) continue;
    const value = path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), partner.data);
    push({ file: partner.file, line: position.line, path: key, values: { [key]: value ?? null } });
  }
  return items.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.subject.id, b.subject.id) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
