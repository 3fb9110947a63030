import type { Lang } from '../i18n/lang.js';
import type { Finding, FindingSubject, Notice, Report, RuleStatus } from '../report/report-types.js';
import { labels, subjectWords } from '../report/labels.js';
import { summarize } from '../report/summarize.js';
import { formatValue } from '../engine/render-template.js';
import { formatDate, parseDuration, shiftDate } from '../util/dates.js';
import type { Waiver } from './waiver.js';
import { waiverMessage } from './waiver-messages.js';

/** How far after the as-of date a waiver may expire before it is a notice, unless `--config` says otherwise (`waivers.max_horizon`). */
export const DEFAULT_WAIVER_HORIZON = 'P1Y';

/**
 * Marks waived findings; a waiver applies up to `expires_on` by the report's as-of date, never the
 * clock, so a re-run of an old snapshot gives the same result. Unused or expired ones become notices,
 * as do (warnings, the waiver still applies) one expiring beyond `horizon` after the as-of date and
 * one without subject covering several findings.
 */
export function applyWaivers(report: Report, waivers: readonly Waiver[], lang: Lang, horizon: string = DEFAULT_WAIVER_HORIZON): Report {
  const ruleIds = new Set(report.rules.map((rule) => rule.id));
  const notices: Notice[] = [];
  const active: Waiver[] = [];
  // `--config` checked the horizon; the default stands in for a caller that passes none valid.
  const limit = shiftDate(report.asOf, parseDuration(horizon) ?? parseDuration(DEFAULT_WAIVER_HORIZON)!);
  for (const waiver of waivers) {
    if (!ruleIds.has(waiver.rule)) notices.push(notice('waiver-unknown-rule', 'warning', waiver, lang));
    else if (waiver.expiresOn < report.asOf) notices.push(notice('waiver-expired', 'warning', waiver, lang));
    else active.push(waiver);
    if (waiver.expiresOn > limit) {
      const extra = { horizon: formatValue(horizon, lang), asOf: formatDate(report.asOf, lang), limit: formatDate(limit, lang) };
      notices.push(notice('waiver-beyond-horizon', 'warning', waiver, lang, extra));
    }
  }
  const used = new Map<Waiver, number>();
  const findings = report.findings.map((finding): Finding => {
    const matching = active.filter((waiver) => covers(waiver, finding));
    for (const waiver of matching) used.set(waiver, (used.get(waiver) ?? 0) + 1);
    // The first matching entry of the file is the one shown: later ones are redundant, not unused.
    const waiver = matching[0];
    if (!waiver) return finding;
    return {
      ...finding,
      waived: true,
      waiver: { reason: waiver.reason, approvedBy: waiver.approvedBy, expiresOn: waiver.expiresOn, file: waiver.file, line: waiver.line },
    };
  });
  for (const waiver of active) {
    const count = used.get(waiver) ?? 0;
    if (count === 0) notices.push(notice('waiver-unmatched', 'info', waiver, lang));
    else if (count > 1 && waiver.subject === undefined) notices.push(notice('waiver-broad', 'warning', waiver, lang, { count }));
  }
  notices.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rules = report.rules.map((rule): RuleStatus => {
    const own = findings.filter((finding) => finding.ruleId === rule.id);
    return rule.status === 'failed' && own.length > 0 && own.every((finding) => finding.waived) ? { ...rule, status: 'waived' } : rule;
  });
  return { ...report, findings, rules, summary: summarize(findings, rules, report.summary.rowsSkipped), notices };
}

function covers(waiver: Waiver, finding: Finding): boolean {
  return waiver.rule === finding.ruleId && (waiver.subject === undefined || subjectNames(finding.subject).has(spaced(waiver.subject)));
}

/**
 * What a waiver's `subject` may say to name a finding's: its id (the codes, `administrator
 * chuygen@…`, as JSON's `subject.id` and earlier reports have it), or the subject as the reports
 * word it in either language (`administrateur chuygen@…`), each with or without its kind
 * (`interlocuteur administrateur chuygen@…`), so that what a report shows can be copied.
 */
function subjectNames(subject: FindingSubject): Set<string> {
  const names = new Set([spaced(subject.id)]);
  for (const lang of LANGS) {
    const kind = labels(lang).subject[subject.type] ?? subject.type;
    for (const words of [subjectWords(subject, lang), subject.id]) {
      names.add(spaced(words));
      names.add(spaced(`${kind} ${words}`));
    }
  }
  return names;
}

/** Spaces as a person retypes them: none at the ends, one between words. */
function spaced(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

const LANGS: readonly Lang[] = ['fr', 'en'];

function notice(code: Notice['code'], severity: Notice['severity'], waiver: Waiver, lang: Lang, extra: Readonly<Record<string, string | number>> = {}): Notice {
  const subject = waiver.subject === undefined ? '' : waiverMessage('subject', lang, { subject: waiver.subject });
  const message = waiverMessage(code, lang, { rule: waiver.rule, subject, approver: waiver.approvedBy, date: formatDate(waiver.expiresOn, lang), ...extra });
  return {
    code,
    severity,
    message,
    file: waiver.file,
    line: waiver.line,
    column: waiver.column,
    rule: waiver.rule,
    ...(waiver.subject === undefined ? {} : { subject: waiver.subject }),
    approvedBy: waiver.approvedBy,
    expiresOn: waiver.expiresOn,
  };
}
