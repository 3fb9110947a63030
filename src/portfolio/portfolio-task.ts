import type { Report } from '../report/report-types.js';
import type { SnapshotOutcome } from '../pipeline/run-check.js';

/** An outcome as a worker posts it, without the snapshot: a streamed one cannot be cloned. */
export type PortfolioOutcome = { readonly kind: 'report'; readonly report: Report } | Extract<SnapshotOutcome, { kind: 'invalid' }>;

/** One snapshot to check, and its place in the run. */
export interface PortfolioTask {
  readonly index: number;
  readonly path: string;
}
