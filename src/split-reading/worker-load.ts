import type { SharedFacts } from '../rules/load-rules.js';
import type { Rule } from '../rules/rule-types.js';
import { compiledRule } from '../rules/compile-rule.js';
import { columnsOfFacts } from '../rules/fact-columns.js';
import { ACTIVE_AT_FIELDS } from '../facts/where.js';
import { isTableName } from '../snapshot/table-schemas.js';

/** What the trace worker reads of the snapshot (LoadOptions.tables and columns). */
export interface WorkerLoad {
  readonly tables: readonly string[];
  readonly columns: ReadonlySet<string>;
}

/** What the trace worker loads for the trace rules: the tables they and the shared facts need, and only the columns they name (docs/PERFORMANCE.md). */
export function workerLoad(rules: readonly Rule[], shared: SharedFacts): WorkerLoad {
  // The shared facts read tables too (the notices that end the convention): the worker's applies_when must decide as this thread's.
  const sharedTables = Object.values(shared.facts).flatMap((fact) => (typeof fact.from === 'string' && isTableName(fact.from) ? [fact.from] : []));
  const tables = new Set(['traces', ...rules.flatMap((rule) => compiledRule(rule).tables), ...sharedTables]);
  const columns = new Set([...ACTIVE_AT_FIELDS, ...rules.flatMap((rule) => compiledRule(rule).columns), ...columnsOfFacts(shared.facts)]);
  return { tables: [...tables], columns };
}
