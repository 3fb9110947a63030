import { type JsonSchema, loadPartnerSchema, loadTableSchema, TABLE_NAMES } from '../snapshot/table-schemas.js';

/** What a personal value is, which decides the shape of its pseudonym. */
export type PersonalKind = NonNullable<JsonSchema['x-personal']>;

/** The kinds `x-personal` may name. */
export const PERSONAL_KINDS: readonly PersonalKind[] = ['name', 'email', 'phone', 'ip'];

// Fields of the report itself, not of the snapshot: waivers' approvers (waivers file and report).
const REPORT_FIELDS: ReadonlyMap<string, PersonalKind> = new Map([['approved_by', 'name'], ['approvedBy', 'name']]);

let fromSchemas: ReadonlyMap<string, PersonalKind> | undefined;

/**
 * Every record field that holds personal data, with its kind: the columns and partner keys the
 * schemas mark `x-personal` (so a new column is covered by saying so there), and the report's
 * approvers. Read once. A field name marked with two kinds, or a kind vigie does not know, is a
 * fault of the schemas, thrown as such.
 */
export function personalFields(): ReadonlyMap<string, PersonalKind> {
  fromSchemas ??= collectMarkedFields([
    ...TABLE_NAMES.map((table) => [`tables/${table}.schema.json`, loadTableSchema(table)] as const),
    ['partner.schema.json', loadPartnerSchema()] as const,
  ]);
  return fromSchemas;
}

/** The fields marked `x-personal` in these schemas (by file name), nested objects and list items included, plus the report's own. */
export function collectMarkedFields(schemas: readonly (readonly [string, JsonSchema])[]): ReadonlyMap<string, PersonalKind> {
  const fields = new Map<string, PersonalKind>(REPORT_FIELDS);
  const visit = (file: string, schema: JsonSchema): void => {
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      const kind = property['x-personal'];
      if (kind !== undefined) {
        if (!PERSONAL_KINDS.includes(kind)) throw new Error(`${file}: ${field} has x-personal "${String(kind)}", not one of ${PERSONAL_KINDS.join(', ')}`);
        const seen = fields.get(field);
        if (seen !== undefined && seen !== kind) throw new Error(`${file}: ${field} is x-personal "${kind}" here and "${seen}" elsewhere`);
        fields.set(field, kind);
      }
      visit(file, property);
    }
    if (schema.items) visit(file, schema.items);
  };
  for (const [file, schema] of schemas) visit(file, schema);
  return fields;
}
