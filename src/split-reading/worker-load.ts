import type { SharedFacts } from '../rules/load-rules.js';
import type { Rule } from '../rules/rule-types.js';
import { ACTIVE_AT_FIELDS } from '../facts/where.js';

/** What the trace worker reads of the snapshot (LoadOptions.tables and columns). */
export interface WorkerLoad {
  readonly tables: readonly string[];
  readonly columns: ReadonlySet<string>;
}

/**
 * What the trace worker loads for the rules that read the traces: the tables they need, visit
 * or read (`from` anywhere in them), and only the columns their logic or the shared facts name
 * (any word of their text, a superset) with those `active_at` reads: the main thread holds the
 * whole tables, the worker a handful of fields (docs/PERFORMANCE.md).
 */
export function workerLoad(rules: readonly Rule[], shared: SharedFacts): WorkerLoad {
  const tables = new Set<string>(['traces']);
  for (const rule of rules) for (const table of [...(rule.needs.tables ?? []), ...(rule.needs.optional_tables ?? [])]) tables.add(table);
  for (const match of JSON.stringify(rules).matchAll(/"from":"(\w+)"/g)) tables.add(match[1]);
  // What the worker evaluates: the rules' entities, facts, parameters and conditions, and the
  // shared facts (titles, messages and quotes are rendered by the main thread).
  const text = JSON.stringify([rules.map((rule) => [rule.needs, rule.for_each, rule.facts, rule.params, rule.applies_when?.conditions, rule.evaluable_when?.conditions, rule.conditions, rule.subject]), shared]);
  const columns = new Set<string>(ACTIVE_AT_FIELDS);
  for (const match of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) columns.add(match[0]);
  return { tables: [...tables], columns };
}
