import { compiledFact, type CompiledFact } from './compile-fact.js';
import { referenceField, referencesIn } from './references.js';
import type { FactDefinition, WhereClause } from './rule-definition.js';

/** Where entries that name no column: `active_at` reads the grant dates (ACTIVE_AT_FIELDS), `not_exists` a sub-query. */
const NOT_COLUMNS: ReadonlySet<string> = new Set(['active_at', 'not_exists']);

/** The columns a where clause names: its fields, a deadline's start field, the fields its references read, and its sub-queries'. */
export function whereColumns(where: WhereClause | undefined): string[] {
  if (where === undefined) return [];
  const columns: string[] = [];
  for (const [field, expected] of Object.entries(where)) {
    if (field === 'not_exists') {
      columns.push(...whereColumns(where.not_exists?.where));
      continue;
    }
    if (!NOT_COLUMNS.has(field)) columns.push(field);
    const deadline = (expected as { missed_deadline?: { start?: unknown } } | null)?.missed_deadline;
    if (typeof deadline?.start === 'string') columns.push(deadline.start);
    columns.push(...fieldsOfReferences(referencesIn(expected)));
  }
  return columns;
}

/** The columns a fact names: its filters' and lookups', the field it aggregates, and the fields its references read. */
export function factColumns(definition: FactDefinition, compiled: CompiledFact): string[] {
  const columns = [...whereColumns(compiled.where), ...fieldsOfReferences(compiled.references)];
  for (const lookup of Object.values(definition.lookups ?? {})) columns.push(...whereColumns(lookup.where));
  if (typeof compiled.field === 'string') columns.push(compiled.field);
  const sequence = definition.close_pairs ?? definition.close_returns ?? definition.busiest_window;
  for (const field of [sequence?.order_by, (definition.close_pairs ?? definition.close_returns)?.differ]) if (typeof field === 'string') columns.push(field);
  return columns;
}

/** The columns a set of facts names (the shared facts, which the trace worker computes too), sorted. */
export function columnsOfFacts(definitions: Readonly<Record<string, FactDefinition>>): string[] {
  return withDateBases(Object.values(definitions).flatMap((definition) => factColumns(definition, compiledFact(definition))));
}

/** The field after each reference's root (`user_id` of `$record.user_id`, `country` of `$facility.country`). */
function fieldsOfReferences(references: readonly string[]): string[] {
  return references.flatMap((reference) => referenceField(reference) ?? []);
}

/** The columns sorted, with the timestamp X of each `X_date` read (its Europe/Paris date). */
export function withDateBases(columns: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const column of columns) {
    all.add(column);
    if (column.endsWith('_date') && column.length > '_date'.length) all.add(column.slice(0, -'_date'.length));
  }
  return [...all].sort();
}
