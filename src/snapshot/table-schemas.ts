import { readFileSync } from 'node:fs';

/** The JSON Schema subset the snapshot schemas use, with vigie's `x-` annotations (see the schema files). */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly (string | null)[];
  readonly default?: unknown;
  readonly pattern?: string;
  readonly description?: string;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
  readonly 'x-format'?: 'date' | 'timestamp';
  readonly 'x-aliases'?: readonly string[];
  readonly 'x-labels'?: Readonly<Record<string, readonly string[]>>;
  readonly 'x-key'?: string;
  /** Personal data, and what kind: `--redact` pseudonymises the field wherever it appears. */
  readonly 'x-personal'?: 'name' | 'email' | 'phone' | 'ip';
}

/** A table's schema: one property per canonical column. */
export interface TableSchema extends JsonSchema {
  readonly title: string;
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, JsonSchema>>;
}

/** The tables of a snapshot, in the order the documents list them. */
export const TABLE_NAMES: readonly string[] = [
  'users', 'sites', 'facilities', 'habilitations', 'incidents',
  'reviews', 'meetings', 'notices', 'subcontractors', 'traces',
];

const tableSchemas = new Map<string, TableSchema>();
let partnerSchema: JsonSchema | undefined;

// Sources (src/snapshot) and compiled code (dist/snapshot) both sit two levels below the package root.
function readSchema(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../schemas/${relative}`, import.meta.url), 'utf8'));
}

/** True for the name of a table a snapshot may hold. */
export function isTableName(name: string): boolean {
  return TABLE_NAMES.includes(name);
}

/** The JSON schema of a table (`schemas/tables/NAME.schema.json`), read once. */
export function loadTableSchema(name: string): TableSchema {
  if (!isTableName(name)) throw new Error(`unknown table ${name}`);
  let schema = tableSchemas.get(name);
  if (!schema) {
    schema = readSchema(`tables/${name}.schema.json`) as TableSchema;
    tableSchemas.set(name, schema);
  }
  return schema;
}

/** The JSON schema of the partner declarations (`schemas/partner.schema.json`), read once. */
export function loadPartnerSchema(): JsonSchema {
  partnerSchema ??= readSchema('partner.schema.json') as JsonSchema;
  return partnerSchema;
}

/** The schema a local `$ref` (`#/definitions/date`) points to, or the schema itself. */
export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (!ref?.startsWith('#/definitions/')) return schema;
  const { $ref: _ref, ...siblings } = schema;
  return { ...root.definitions?.[ref.slice('#/definitions/'.length)], ...siblings };
}

/** Tables read in one streaming pass: facts over them are aggregated row by row, never held. */
export const STREAMED_SOURCES: ReadonlySet<string> = new Set(['traces']);

/** The instant of a streamed row: rows dated after D have not happened yet as of D and are skipped. */
export const INSTANT_FIELDS: ReadonlyMap<string, string> = new Map([['traces', 'at']]);
