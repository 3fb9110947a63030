import type { DisplayError } from '../diagnostics/display-error.js';
import type { RuleStatus } from './report-types.js';

/** A rule as the outputs of a failed run describe it: what the catalogue says, no status. */
export type RuleSummary = Pick<RuleStatus, 'id' | 'title' | 'obligation' | 'severity' | 'category' | 'source'>;

/**
 * A `vigie check` stopped by input errors (snapshot, rules, config, waivers, baseline or usage):
 * what every requested output carries instead of a report, so that a pipeline reads the errors.
 */
export interface InvalidRun {
  /** Sorted (file, line, column, code), as stderr lists them. */
  readonly errors: readonly DisplayError[];
  /** The catalogue the run would have evaluated; empty when the rules could not be loaded. */
  readonly rules: readonly RuleSummary[];
  /** Reading warnings (an unknown column…), shown beside the errors; sorted like them. */
  readonly warnings?: readonly DisplayError[];
}
