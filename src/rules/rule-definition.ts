import type { Localized } from '../i18n/lang.js';
import type { TypedCondition } from './condition-types.js';
import type { TypedFactDefinition } from './fact-types.js';
import type { TypedWhereClause } from './where-types.js';

export type { Lang, Localized } from '../i18n/lang.js';

/** The shape of a rule file (`rules/<area>/<RULE-ID>.yaml`), as validated by schemas/rule.schema.json. */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A json-rules-engine condition tree, kept as written. */
export type ConditionTree = TypedCondition;

/** Where a clause of the contract comes from. */
export interface RuleSource {
  readonly document: 'CONV' | 'CS' | 'AFAS';
  readonly article: string;
  readonly quote: string;
}

/** The data a rule reads: missing data makes it `not_evaluated`, never passed. */
export interface RuleNeeds {
  readonly tables?: readonly string[];
  /** Tables read when present; their absence does not stop the rule. */
  readonly optional_tables?: readonly string[];
  /** Columns needed per table; a nested list means "at least one of". */
  readonly columns?: Readonly<Record<string, readonly (string | readonly string[])[]>>;
  /** Partner keys (dotted paths) that must be written, `null` included. */
  readonly partner?: readonly string[];
  /** The rule judges the traces up to D: not evaluated when D is beyond the export (src/util/as-of.ts). */
  readonly traces_up_to_as_of?: boolean;
}

/** Which entities the rule visits: the records of a table or partner list, optionally grouped. */
export interface ForEach {
  /** A table name, a partner list (`contacts`), or `partner` for the single partner entity. */
  readonly from: string;
  readonly where?: WhereClause;
  readonly group_by?: readonly string[];
}

/** Field → expected value, list of values, `$reference`, or an operator object. */
export type WhereClause = TypedWhereClause;

/** A named fact computed for each visited entity by generic machinery (see src/facts). */
export type FactDefinition = TypedFactDefinition;

export interface RuleApplicability {
  readonly conditions: ConditionTree;
  /** Why the rule passes when it does not apply (e.g. "mode centralisé"). */
  readonly otherwise: Localized;
}

/** The applicability checks of a rule in their order: `applies_when` as a list, whether written as one or several. */
export function applicabilitiesOf(rule: Pick<RuleDefinition, 'applies_when'>): readonly RuleApplicability[] {
  const written = rule.applies_when;
  return written === undefined ? [] : Array.isArray(written) ? written : [written as RuleApplicability];
}

/** A rule as read: file data plus where it came from and the effective configuration. */
export interface RuleDefinition {
  readonly id: string;
  readonly severity: Severity;
  readonly category: 'obligation' | 'recommendation';
  /** The breach: what a finding is (« SIRET invalide »). */
  readonly title: Localized;
  /** The obligation kept when nothing is found (« SIRET valide »): what « Conforme » stands beside. */
  readonly obligation: Localized;
  readonly source: RuleSource;
  readonly params: Readonly<Record<string, unknown>>;
  readonly needs: RuleNeeds;
  /** When the rule applies at all: one condition set, or several checked in order (the first that fails gives the reason). */
  readonly applies_when?: RuleApplicability | readonly RuleApplicability[];
  /** Conditions on the data (traces covering a window) without which the rule is not evaluated. */
  readonly evaluable_when?: RuleApplicability;
  readonly for_each: ForEach;
  readonly subject: { readonly type: string; readonly id: string };
  readonly facts: Readonly<Record<string, FactDefinition>>;
  readonly conditions: ConditionTree;
  /** Labels of named conditions, listed in the message as `{matched}` when they hold. */
  readonly condition_labels?: Readonly<Record<string, Localized>>;
  readonly message: Localized;
  readonly remediation: Localized;
  readonly file: string;
}
