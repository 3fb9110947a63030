import type { RuleSource, Severity } from '../rules/rule-types.js';
import type { Finding, Report, ResolvedFinding, Summary } from '../report/report-types.js';

/** How a rule stands in the annual bilan (CONV art. 16). */
export type BilanStatus = 'compliant' | 'non_compliant' | 'not_verifiable';

/** Rules per status, and findings, of one article or of the whole bilan. */
export interface BilanCounts {
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly notVerifiable: number;
  readonly findings: number;
}

/** A finding of this year, and whether last year's bilan already had it (with `--previous`). */
export interface BilanFinding extends Finding {
  readonly change?: 'appeared' | 'persisting';
}

/** What a rule was in the previous bilan. */
export interface PreviousRuleState {
  readonly status: BilanStatus;
  readonly findings: number;
}

/** One rule of the catalogue as the bilan shows it. */
export interface BilanRule {
  readonly id: string;
  /** The breach (« SIRET invalide »): heads the rule's findings. */
  readonly title: string;
  /** The obligation (« SIRET valide »): what the rule's status is stated about. */
  readonly obligation: string;
  readonly severity: Severity;
  readonly category: 'obligation' | 'recommendation';
  readonly source: RuleSource;
  readonly status: BilanStatus;
  /** Why the rule is not verifiable, or why it is compliant without applying (other management mode). */
  readonly reason?: string;
  readonly notApplicable: boolean;
  readonly findings: readonly BilanFinding[];
  readonly resolved: readonly ResolvedFinding[];
  /** Absent when the rule was not in last year's report. */
  readonly previous?: PreviousRuleState;
}

/** The rules that enforce one article of a contract document, in catalogue order. */
export interface BilanArticle {
  readonly document: string;
  readonly article: string;
  readonly rules: readonly BilanRule[];
  readonly counts: BilanCounts;
  readonly previousCounts?: BilanCounts;
}

/** One contract document (CONV, CS, AFAS) and its articles in contract order. */
export interface BilanDocument {
  readonly document: string;
  readonly articles: readonly BilanArticle[];
}

/** The previous year's bilan, as far as the comparison needs it. */
export interface BilanPrevious {
  readonly asOf: string;
  readonly snapshotPath: string;
  readonly summary: Summary;
  readonly counts: BilanCounts;
  readonly appeared: number;
  readonly resolved: number;
  readonly persisting: number;
}

/** The annual bilan, by document and article; built from reports only so renderers stay pure. */
export interface Bilan {
  readonly tool: Report['tool'];
  readonly asOf: string;
  readonly snapshot: Report['snapshot'];
  readonly summary: Summary;
  /** Obligations only (recommendations are not contractual). */
  readonly counts: BilanCounts;
  readonly documents: readonly BilanDocument[];
  readonly recommendations: readonly BilanRule[];
  readonly previous?: BilanPrevious;
  /** Rows skipped by `--lenient`: the bilan rests on partial data and says so. */
  readonly rowsSkipped: number;
}
