import type { Duration } from 'luxon';
import type { Lang, Rule, RuleSource } from '../rules/rule-types.js';
import type { Evidence, RuleStatus } from '../report/report-types.js';
import type { DataRecord, Snapshot } from '../snapshot/snapshot-types.js';
import type { Waiver } from '../waivers/waiver.js';
import { t } from '../i18n/messages.js';
import { fill } from '../report/labels.js';
import { formatDate, isIsoDate, parseDuration, shiftDate } from '../util/dates.js';
import { VERSION } from '../util/version.js';
import type { DeadlineDefinitions, RuleDelay } from './load-deadline-definitions.js';
import type { Deadline, DeadlineKind, DeadlineNotComputed, DeadlinesReport } from './deadline-types.js';
import { deadlineLabels } from './deadline-labels.js';
import { isPositive, lastDayCovered, latestStartBefore, nthPeriodAfter } from './period-bounds.js';

/** What the deadlines of one snapshot are computed from. */
export interface DeadlineInputs {
  readonly snapshot: Snapshot;
  readonly described: DeadlinesReport['snapshot'];
  readonly asOf: string;
  readonly lang: Lang;
  readonly definitions: DeadlineDefinitions;
  /** The run's rules, configured: their parameters are the delays, their sources the clauses. */
  readonly rules: readonly Rule[];
  /** Status of each rule a deadline follows, evaluated on the snapshot. */
  readonly statuses: ReadonlyMap<string, RuleStatus>;
  readonly waivers?: readonly Waiver[];
}

/** Kinds in the order a day's deadlines are listed. */
const KIND_ORDER: readonly DeadlineKind[] = [
  'termination_notice', 'convention_anniversary', 'bilan_due', 'review_due', 'escalation_due', 'subcontractor_start', 'waiver_expiry',
];

/** How far anniversaries are searched: far beyond any convention's life. */
const MAX_PERIODS = 1000;

type Outcome = Deadline[] | DeadlineNotComputed;

/** The partner's deadlines as of D, read as the rules read their delays: each is the last day before a rule fires. */
export function computeDeadlines(inputs: DeadlineInputs): DeadlinesReport {
  const computed: Deadline[] = [];
  const notComputed: DeadlineNotComputed[] = [];
  const collect = (outcome: Outcome) => {
    if (Array.isArray(outcome)) computed.push(...outcome);
    else notComputed.push(outcome);
  };
  collect(lastEventPlusPeriod(inputs, 'review_due'));
  collect(lastEventPlusPeriod(inputs, 'bilan_due'));
  for (const outcome of conventionDates(inputs)) collect(outcome);
  collect(escalations(inputs));
  collect(subcontractorStarts(inputs));
  if (inputs.waivers) collect(waiverExpiries(inputs, inputs.waivers));
  const sorted = computed.sort(compareDeadlines);
  return {
    tool: { name: 'vigie', version: VERSION },
    asOf: inputs.asOf,
    snapshot: inputs.described,
    deadlines: sorted.filter((deadline) => deadline.date >= inputs.asOf),
    overdue: sorted.filter((deadline) => deadline.date < inputs.asOf),
    notComputed,
  };
}

/** A rule's delay, or why the deadline cannot use it (rule disabled, not evaluated, not applicable). */
function ruleDelay(inputs: DeadlineInputs, kind: DeadlineKind, definition: RuleDelay): { rule: Rule; period: Duration } | DeadlineNotComputed {
  const words = deadlineLabels(inputs.lang).notComputed;
  const rule = inputs.rules.find((candidate) => candidate.id === definition.rule);
  if (!rule) return { kind, ruleId: definition.rule, reason: fill(words.ruleMissing, { rule: definition.rule }) };
  const value = rule.params[definition.param];
  const period = parseDuration(value);
  if (!period || !isPositive(period)) return { kind, ruleId: rule.id, reason: fill(words.badParam, { param: definition.param, rule: rule.id, value: String(value) }) };
  const status = inputs.statuses.get(rule.id);
  // Same data, same management mode as the rule: a review is not due in centralised mode.
  if (definition.follows_rule && status && status.reason && (status.status === 'not_evaluated' || status.status === 'passed')) {
    return { kind, ruleId: rule.id, reason: status.reason };
  }
  return { rule, period };
}

/** The next review or bilan: a period after the last one on or before D, else after the start. */
function lastEventPlusPeriod(inputs: DeadlineInputs, kind: 'review_due' | 'bilan_due'): Outcome {
  const delay = ruleDelay(inputs, kind, inputs.definitions[kind]);
  if (!('rule' in delay)) return delay;
  const words = deadlineLabels(inputs.lang);
  const review = kind === 'review_due';
  const events = records(inputs.snapshot, review ? 'reviews' : 'meetings').filter(
    (record) => (review || record.values.kind === 'annual_review') && onOrBefore(dateOf(record, review ? 'performed_on' : 'held_on'), inputs.asOf),
  );
  const field = review ? 'performed_on' : 'held_on';
  const last = events.reduce<DataRecord | undefined>((latest, record) => (!latest || dateOf(record, field)! > dateOf(latest, field)! ? record : latest), undefined);
  const period = humanDuration(delay.period, inputs.lang);
  const common = { kind, title: words.title[kind], ruleId: delay.rule.id, source: delay.rule.source, subject: partnerSubject(inputs) };
  if (last) {
    const date = dateOf(last, field)!;
    const id = String(last.values[review ? 'review_id' : 'meeting_id'] ?? '');
    return [{
      ...common,
      date: lastDayCovered(date, delay.period),
      detail: fill(review ? words.detail.reviewAfterLast : words.detail.bilanAfterLast, { id, date: formatDate(date, inputs.lang), period }),
      evidence: [recordEvidence(last)],
    }];
  }
  const startKey = review ? 'convention.access_opened_on' : 'convention.signed_on';
  const start = partnerValue(inputs.snapshot, startKey);
  if (!isIsoDate(start)) return { kind, ruleId: delay.rule.id, reason: missingKey(inputs, startKey) };
  return [{
    ...common,
    date: shiftDate(start, delay.period),
    detail: fill(review ? words.detail.reviewFirst : words.detail.bilanFirst, { date: formatDate(start, inputs.lang), period }),
    evidence: partnerEvidence(inputs.snapshot, [startKey]),
  }];
}

/** The convention's next anniversary whose notice has not run out at D, and the last day to give notice. */
function conventionDates(inputs: DeadlineInputs): Outcome[] {
  const words = deadlineLabels(inputs.lang);
  const definition = inputs.definitions.convention_anniversary;
  const keys = ['convention.signed_on', definition.partner_key];
  const signed = partnerValue(inputs.snapshot, 'convention.signed_on');
  const periodValue = partnerValue(inputs.snapshot, definition.partner_key);
  const notice = ruleDelay(inputs, 'termination_notice', inputs.definitions.termination_notice);
  const unavailable = (reason: string): Outcome[] => [
    { kind: 'convention_anniversary', reason },
    { kind: 'termination_notice', ruleId: inputs.definitions.termination_notice.rule, reason },
  ];
  if (!isIsoDate(signed)) return unavailable(missingKey(inputs, 'convention.signed_on'));
  if (periodValue === undefined || periodValue === null) return unavailable(missingKey(inputs, definition.partner_key));
  const period = parseDuration(periodValue);
  if (!period || !isPositive(period)) return unavailable(fill(words.notComputed.badPeriod, { key: definition.partner_key, value: String(periodValue) }));
  const terminated = partnerValue(inputs.snapshot, 'convention.terminated_on');
  if (isIsoDate(terminated) && terminated <= inputs.asOf) return unavailable(fill(words.notComputed.terminated, { date: formatDate(terminated, inputs.lang) }));
  const tacit = partnerValue(inputs.snapshot, 'convention.tacit_renewal') !== false;
  const lastPeriod = tacit ? MAX_PERIODS : 1;
  const anniversaries = function* () {
    for (let n = 1; n <= lastPeriod; n++) {
      const date = nthPeriodAfter(signed, period, n);
      if (isIsoDate(terminated) && date >= terminated) return;
      yield date;
    }
  };
  const evidence = partnerEvidence(inputs.snapshot, [...keys, 'convention.tacit_renewal']);
  const subject = partnerSubject(inputs);
  const human = humanDuration(period, inputs.lang);
  const outcomes: Outcome[] = [];
  for (const date of anniversaries()) {
    if (date < inputs.asOf) continue;
    outcomes.push([{
      kind: 'convention_anniversary',
      date,
      title: tacit ? words.title.convention_anniversary : words.title.convention_end,
      detail: fill(tacit ? words.detail.anniversary : words.detail.end, { date: formatDate(signed, inputs.lang), period: human }),
      source: definition.source,
      subject,
      evidence,
    }]);
    break;
  }
  // Without tacit renewal the convention ends by itself: no letter is needed to end it.
  if (!tacit) return outcomes;
  if (!('rule' in notice)) return [...outcomes, notice];
  for (const end of anniversaries()) {
    const lastDay = latestStartBefore(end, notice.period);
    if (lastDay < inputs.asOf) continue;
    outcomes.push([{
      kind: 'termination_notice',
      date: lastDay,
      title: fill(words.title.termination_notice, { end: formatDate(end, inputs.lang) }),
      detail: fill(words.detail.termination, { end: formatDate(end, inputs.lang), period: humanDuration(notice.period, inputs.lang) }),
      ruleId: notice.rule.id,
      source: notice.rule.source,
      subject,
      evidence,
    }]);
    break;
  }
  return outcomes;
}

/** Support incidents still open and unanswered at D: escalation may start once the answer delay has run out. */
function escalations(inputs: DeadlineInputs): Outcome {
  const delay = ruleDelay(inputs, 'escalation_due', inputs.definitions.escalation_due);
  if (!('rule' in delay)) return delay;
  const words = deadlineLabels(inputs.lang);
  const pendingAt = (value: unknown) => !onOrBefore(value, inputs.asOf);
  return records(inputs.snapshot, 'incidents')
    .filter(
      (record) =>
        record.values.kind === 'support' &&
        onOrBefore(record.values.opened_on, inputs.asOf) &&
        pendingAt(record.values.answered_on) &&
        pendingAt(record.values.escalated_on) &&
        pendingAt(record.values.closed_on),
    )
    .map((record) => {
      const opened = record.values.opened_on as string;
      const detail = fill(words.detail.escalation, { date: formatDate(opened, inputs.lang), period: humanDuration(delay.period, inputs.lang) });
      return {
        kind: 'escalation_due' as const,
        date: shiftDate(opened, delay.period),
        title: words.title.escalation_due,
        detail: record.values.urgent === true ? `${detail}${words.detail.separator}${words.detail.urgent}` : detail,
        ruleId: delay.rule.id,
        source: delay.rule.source,
        subject: { type: 'incident', id: String(record.values.incident_id) },
        evidence: [recordEvidence(record)],
      };
    });
}

/** Subcontractors the Caf was notified of that have not started at D: the earliest day they may. */
function subcontractorStarts(inputs: DeadlineInputs): Outcome {
  const delay = ruleDelay(inputs, 'subcontractor_start', inputs.definitions.subcontractor_start);
  if (!('rule' in delay)) return delay;
  const words = deadlineLabels(inputs.lang);
  return records(inputs.snapshot, 'subcontractors')
    .filter((record) => onOrBefore(record.values.notified_on, inputs.asOf) && !onOrBefore(record.values.starts_on, inputs.asOf))
    .map((record) => {
      const notified = record.values.notified_on as string;
      const date = shiftDate(notified, delay.period);
      const starts = record.values.starts_on;
      const planned = isIsoDate(starts) ? fill(starts < date ? words.detail.plannedTooEarly : words.detail.planned, { date: formatDate(starts, inputs.lang) }) : undefined;
      const detail = fill(words.detail.subcontractor, { name: String(record.values.name ?? ''), date: formatDate(notified, inputs.lang), period: humanDuration(delay.period, inputs.lang) });
      return {
        kind: 'subcontractor_start' as const,
        date,
        title: words.title.subcontractor_start,
        detail: planned ? `${detail}${words.detail.separator}${planned}` : detail,
        ruleId: delay.rule.id,
        source: delay.rule.source,
        subject: { type: 'subcontractor', id: String(record.values.subcontractor_id) },
        evidence: [recordEvidence(record)],
      };
    });
}

/** The last day each waiver applies (`--waivers`), citing the clause of the rule it waives. */
function waiverExpiries(inputs: DeadlineInputs, waivers: readonly Waiver[]): Deadline[] {
  const words = deadlineLabels(inputs.lang);
  return waivers.map((waiver) => {
    const source: RuleSource | undefined = inputs.rules.find((rule) => rule.id === waiver.rule)?.source;
    return {
      kind: 'waiver_expiry' as const,
      date: waiver.expiresOn,
      title: words.title.waiver_expiry,
      detail: fill(words.detail.waiver, { rule: waiver.rule, approver: waiver.approvedBy, reason: waiver.reason }),
      ruleId: waiver.rule,
      ...(source ? { source } : {}),
      subject: { type: 'waiver', id: waiver.subject === undefined ? waiver.rule : `${waiver.rule} ${waiver.subject}` },
      evidence: [{ file: waiver.file, line: waiver.line }],
    };
  });
}

function records(snapshot: Snapshot, table: string): readonly DataRecord[] {
  return snapshot.tables.get(table)?.records ?? [];
}

function dateOf(record: DataRecord, field: string): string | undefined {
  const value = record.values[field];
  return isIsoDate(value) ? value : undefined;
}

/** Whether a date happened by D (an absent date has not). */
function onOrBefore(value: unknown, asOf: string): boolean {
  return isIsoDate(value) && value <= asOf;
}

function partnerValue(snapshot: Snapshot, dottedKey: string): unknown {
  return dottedKey.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), snapshot.partner.data);
}

/** Why a partner key cannot give a date: absent, or written empty (`null`). */
function missingKey(inputs: DeadlineInputs, key: string): string {
  const { partner } = inputs.snapshot;
  return partner.locate(key.split('.'))
    ? fill(deadlineLabels(inputs.lang).notComputed.keyEmpty, { key, file: partner.file })
    : t('partnerKeyAbsent', inputs.lang, { key, file: partner.file });
}

function partnerSubject(inputs: DeadlineInputs): { type: string; id: string } {
  return { type: 'partner', id: inputs.described.siret ?? inputs.described.partner };
}

function recordEvidence(record: DataRecord): Evidence {
  return { file: record.file, line: record.line, table: record.table, values: record.values };
}

/** The partner.yaml keys a date comes from, where they are written. */
function partnerEvidence(snapshot: Snapshot, keys: readonly string[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (const key of keys) {
    const position = snapshot.partner.locate(key.split('.'));
    if (position) evidence.push({ file: snapshot.partner.file, line: position.line, path: key, values: { [key]: partnerValue(snapshot, key) ?? null } });
  }
  return evidence;
}

/** `P3M` as people say it: « 3 mois », "3 months". */
function humanDuration(duration: Duration, lang: Lang): string {
  return duration.reconfigure({ locale: lang }).toHuman();
}

function compareDeadlines(a: Deadline, b: Deadline): number {
  return (
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0)
  );
}
