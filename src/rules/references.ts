/** Whether a value is a reference: `$as_of`, `$param.delay`, `$record.left_on`, `$row.at_date`, `$data.…`, a fact or a partner key. */
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
