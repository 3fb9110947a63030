import type { SharedFacts } from '../rules/load-rules.js';
import type { Rule } from '../rules/rule-types.js';
import { compiledRule } from '../rules/compile-rule.js';
import { columnsOfFacts } from '../rules/fact-columns.js';
import { ACTIVE_AT_FIELDS } from '../facts/where.js';

/** What the trace worker reads of the snapshot (LoadOptions.tables and columns). */
export interface WorkerLoad {
  readonly tables: readonly string[];
  readonly columns: ReadonlySet<string>;
}

/** What the trace worker loads for the trace rules: the tables they need, and only the columns they and the shared facts name (docs/PERFORMANCE.md). */
export function workerLoad(rules: readonly Rule[], shared: SharedFacts): WorkerLoad {
  const tables = new Set(['traces', ...rules.flatMap((rule) => compiledRule(rule).tables)]);
  const columns = new Set([...ACTIVE_AT_FIELDS, ...rules.flatMap((rule) => compiledRule(rule).columns), ...columnsOfFacts(shared.facts)]);
  return { tables: [...tables], columns };
}
