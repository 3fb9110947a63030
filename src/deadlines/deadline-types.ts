import type { RuleSource } from '../rules/rule-types.js';
import type { Evidence } from '../report/report-types.js';

/** What falls due; each kind is computed by generic date machinery from the partner's data. */
export type DeadlineKind =
  | 'review_due'
  | 'bilan_due'
  | 'convention_anniversary'
  | 'termination_notice'
  | 'escalation_due'
  | 'subcontractor_start'
  | 'waiver_expiry';

/** One dated obligation of the partner. */
export interface Deadline {
  readonly kind: DeadlineKind;
  /** The day it falls on (`YYYY-MM-DD`): the last day to act, or the first day allowed. */
  readonly date: string;
  readonly title: string;
  /** How the date was reached (start event, delay), in the run's language. */
  readonly detail: string;
  readonly ruleId?: string;
  readonly source?: RuleSource;
  readonly subject: { readonly type: string; readonly id: string };
  /** The records and partner keys the date was computed from. */
  readonly evidence: readonly Evidence[];
}

/** A kind of deadline that could not be computed, or does not apply, and why. */
export interface DeadlineNotComputed {
  readonly kind: DeadlineKind;
  readonly ruleId?: string;
  readonly reason: string;
}

/** What `vigie deadlines` produces; the text, JSON and iCalendar outputs are views over it. */
export interface DeadlinesReport {
  readonly tool: { readonly name: 'vigie'; readonly version: string };
  readonly asOf: string;
  readonly snapshot: { readonly path: string; readonly partner: string; readonly siret?: string; readonly managementMode?: string };
  readonly deadlines: readonly Deadline[];
  /** Deadlines already past at the as-of date (what `vigie check` reports as late), by date. */
  readonly overdue: readonly Deadline[];
  readonly notComputed: readonly DeadlineNotComputed[];
}
