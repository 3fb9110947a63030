import type { DisplayError } from '../diagnostics/display-error.js';
import type { Lang, RuleSource, Severity } from '../rules/rule-types.js';
import type { InputManifestEntry } from '../snapshot/snapshot-types.js';

/** One record a finding rests on: a table row, a partner list item or a partner.yaml key. */
export interface Evidence {
  readonly file: string;
  readonly line: number;
  /** Table or partner list of the record; absent for a partner.yaml key. */
  readonly table?: string;
  /** Dotted partner key (`convention.signed_on`) when the evidence is a declaration. */
  readonly path?: string;
  readonly values?: Readonly<Record<string, unknown>>;
}

/** The waiver (`--waivers`) that covers a finding, as written in the waivers file. */
export interface AppliedWaiver {
  readonly reason: string;
  readonly approvedBy: string;
  /** Inclusive. */
  readonly expiresOn: string;
  /** The waivers file (as displayed from the working directory) and the line of the entry. */
  readonly file: string;
  readonly line: number;
}

/**
 * What a finding is about. `id` keeps the codes (`administrator chuygen@…`): fingerprints,
 * baselines and fixtures rest on it. `label` is the id in words, as the reports show it
 * (`administrateur chuygen@…`), in both languages; present only when it differs from `id`.
 */
export interface FindingSubject {
  readonly type: string;
  readonly id: string;
  readonly label?: Readonly<Record<Lang, string>>;
}

/** One breach of a rule by one subject, with the records it rests on. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly category: 'obligation' | 'recommendation';
  readonly title: string;
  readonly message: string;
  readonly source: RuleSource;
  readonly subject: FindingSubject;
  readonly evidence: readonly Evidence[];
  /** How many records the finding rests on when `evidence` lists only the first ones (trace rules). */
  readonly evidenceTotal?: number;
  readonly remediation: string;
  /** Stable across runs: rule + subject + record keys, never line numbers. */
  readonly fingerprint: string;
  readonly waived: boolean;
  /** Present when `waived`: who accepted the breach, why, and until when. */
  readonly waiver?: AppliedWaiver;
  readonly baseline?: 'new' | 'existing';
}

/** How a rule ended in a run. */
export type RuleStatusKind = 'failed' | 'passed' | 'not_evaluated' | 'waived';

/** One rule of the catalogue and how it ended in the run. */
export interface RuleStatus {
  readonly id: string;
  /** The breach (« SIRET invalide »), as findings are titled. */
  readonly title: string;
  /** The obligation (« SIRET valide »), as compliance is stated. */
  readonly obligation: string;
  readonly severity: Severity;
  readonly category: 'obligation' | 'recommendation';
  readonly source: RuleSource;
  readonly status: RuleStatusKind;
  /** Why a rule was not evaluated, or why it passes without applying (other management mode). */
  readonly reason?: string;
  readonly findings: number;
}

/** Counts of findings by severity and of rules by status. */
export interface Summary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly waived: number;
  readonly rulesFailed: number;
  readonly rulesPassed: number;
  readonly rulesNotEvaluated: number;
  /** Rules whose every finding is waived (status `waived`). */
  readonly rulesWaived?: number;
  readonly rowsSkipped: number;
}

/** A row `--lenient` skipped, with the messages of its errors. */
export interface SkippedRowReport {
  readonly file: string;
  readonly line: number;
  readonly errors: readonly string[];
  /** Set on the entry that stands for a file's skipped rows beyond the listed ones (line 0): how many; its one message says so. */
  readonly count?: number;
}

/** A problem of the run itself, not a breach: a waiver that expired or covers nothing. */
export interface Notice {
  readonly code: 'waiver-expired' | 'waiver-unmatched' | 'waiver-unknown-rule' | 'waiver-beyond-horizon' | 'waiver-broad';
  readonly severity: 'warning' | 'info';
  /** Localized, names the waiver (rule, subject, approver, date). */
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly subject?: string;
  readonly approvedBy: string;
  readonly expiresOn: string;
}

/** A finding of the `--baseline` report that this run no longer produces, as the baseline had it. */
export interface ResolvedFinding {
  readonly ruleId: string;
  readonly fingerprint: string;
  readonly severity?: Severity;
  readonly title?: string;
  readonly message?: string;
  readonly source?: RuleSource;
  readonly subject?: FindingSubject;
  readonly evidence?: readonly Evidence[];
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
  /** Waivers that expired or cover nothing (only with `--waivers`). */
  readonly notices?: readonly Notice[];
  /** How each input file was read, and the warnings of the reading (unknown columns…). */
  readonly inputs?: InputsReport;
  /** Baseline findings gone from this run (only with `--baseline`; empty when none). */
  readonly resolved?: readonly ResolvedFinding[];
}

/** The input manifest of a report: every file read, how, and what of it was not used. */
export interface InputsReport {
  readonly files: readonly InputManifestEntry[];
  readonly warnings: readonly DisplayError[];
}
