import type { RuleSource, Severity } from '../rules/rule-types.js';

/** One record a finding rests on: a table row, a partner list item or a partner.yaml key. */
export interface Evidence {
  /** File relative to the snapshot root (`habilitations.csv`, `partner.yaml`). */
  readonly file: string;
  readonly line: number;
  /** Table or partner list of the record; absent for a partner.yaml key. */
  readonly table?: string;
  /** Dotted partner key (`convention.signed_on`) when the evidence is a declaration. */
  readonly path?: string;
  /** The record's values (or the key's value) as read. */
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly category: 'obligation' | 'recommendation';
  readonly title: string;
  readonly message: string;
  readonly source: RuleSource;
  readonly subject: { readonly type: string; readonly id: string };
  readonly evidence: readonly Evidence[];
  readonly remediation: string;
  /** Stable across runs: rule + subject + record keys, never line numbers. */
  readonly fingerprint: string;
  readonly waived: boolean;
  readonly baseline?: 'new' | 'existing';
}

export type RuleStatusKind = 'failed' | 'passed' | 'not_evaluated' | 'waived';

export interface RuleStatus {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: 'obligation' | 'recommendation';
  readonly source: RuleSource;
  readonly status: RuleStatusKind;
  /** Why a rule was not evaluated, or why it passes without applying (other management mode). */
  readonly reason?: string;
  readonly findings: number;
}

export interface Summary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly waived: number;
  readonly rulesFailed: number;
  readonly rulesPassed: number;
  readonly rulesNotEvaluated: number;
  /** Rows skipped by `--lenient` (0 otherwise). */
  readonly rowsSkipped: number;
}

/** A row `--lenient` skipped, with the messages of its errors. */
export interface SkippedRowReport {
  readonly file: string;
  readonly line: number;
  readonly errors: readonly string[];
}

/** What an evaluation produces; every renderer is a view over it. */
export interface Report {
  readonly tool: { readonly name: 'vigie'; readonly version: string };
  readonly asOf: string;
  readonly snapshot: {
    readonly path: string;
    readonly partner: string;
    readonly siret?: string;
    readonly managementMode?: string;
  };
  readonly summary: Summary;
  readonly findings: readonly Finding[];
  readonly rules: readonly RuleStatus[];
  readonly skipped?: readonly SkippedRowReport[];
}
