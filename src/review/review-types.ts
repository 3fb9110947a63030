import type { Report } from '../report/report-types.js';

/** Where a grant's last activity was seen: its scope, elsewhere, nowhere, or unknown (no traces). */
export type ActivityBasis = 'scope' | 'account' | 'none' | 'no_traces';

/** One grant active at D, as the administrator reviews it (CS art. 2.2.2). */
export interface ReviewRow {
  readonly userId: string;
  readonly lastName?: string;
  readonly firstName?: string;
  readonly function?: string;
  readonly service: string;
  readonly profile: string;
  /** The profile's name in the contract (French whatever the language: it is the contract's term). */
  readonly profileLabel: string;
  readonly scopeLevel: 'site' | 'facility';
  readonly scopeId: string;
  readonly scopeName?: string;
  readonly grantedOn: string;
  /** Europe/Paris date of the latest trace on or before D that `activityBasis` names. */
  readonly lastActivity?: string;
  readonly activityBasis: ActivityBasis;
  /** IDs of the rules whose findings cite this grant or are about this user, sorted. */
  readonly findings: readonly string[];
  readonly source: { readonly file: string; readonly line: number };
}

/** The list for the annual reverse review of habilitations. */
export interface ReviewList {
  readonly tool: Report['tool'];
  readonly asOf: string;
  readonly snapshot: Report['snapshot'];
  /** `Prénom NOM` of the declared administrator (gestionnaire principal), who signs the review. */
  readonly administrator?: string;
  readonly rows: readonly ReviewRow[];
}
