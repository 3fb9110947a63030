/**
 * References in rule files are strings starting with `$`: `$as_of`, `$param.delay`,
 * `$record.left_on`, `$subject.id`, a trace row (`$row.at_date`), reference data
 * (`$data.countries.eu_eea`), a fact of the rule (`$approvers`), a lookup of a streamed fact,
 * a shared fact (`$management_mode`) or a partner key (`$convention.signed_on`).
 * Any other value is a literal.
 */
export function isReference(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('$') && value.length > 1;
}

/** Every `$reference` string in a value (a where clause, a list, a fact definition), in order. */
export function referencesIn(value: unknown): string[] {
  if (isReference(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(referencesIn);
  return [];
}

/** The first name of a reference's path: `record` for `$record.user_id`. */
export function referenceRoot(reference: string): string {
  const dot = reference.indexOf('.');
  return dot === -1 ? reference.slice(1) : reference.slice(1, dot);
}

/** The name after the root (`user_id` for `$record.user_id`), or undefined for a bare root. */
export function referenceField(reference: string): string | undefined {
  const [, field] = reference.slice(1).split('.');
  return field;
}
