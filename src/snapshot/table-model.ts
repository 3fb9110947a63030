import { compileConverter, type Converter } from './compile-converter.js';
import { normalizeHeader } from './normalize-header.js';
import { compileSchemaValidator, type SchemaValidator } from './schema-validator.js';
import { loadTableSchema, type JsonSchema, type TableSchema } from './table-schemas.js';

/** One canonical column of a table, ready to convert values. */
export interface ColumnModel {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
  readonly convert: Converter;
}

/** What reading a table needs, derived once from its schema. */
export interface TableModel {
  readonly name: string;
  readonly schema: TableSchema;
  /** The id column whose values must be unique (`x-key`), if any. */
  readonly key?: string;
  readonly columns: ReadonlyMap<string, ColumnModel>;
  /** Values set when a column is absent or empty (`default` in the schema). */
  readonly defaults: readonly (readonly [string, unknown])[];
  readonly validate: SchemaValidator;
  /** The canonical column a header stands for (canonical name or French alias, any case or accent). */
  resolveHeader(header: string): string | undefined;
}

const models = new Map<string, TableModel>();

function buildModel(name: string): TableModel {
  const schema = loadTableSchema(name);
  const required = new Set(schema.required);
  const columns = new Map<string, ColumnModel>();
  const headers = new Map<string, string>();
  const defaults: [string, unknown][] = [];
  for (const [column, property] of Object.entries(schema.properties)) {
    columns.set(column, { name: column, schema: property, required: required.has(column), convert: compileConverter(property) });
    for (const header of [column, ...(property['x-aliases'] ?? [])]) headers.set(normalizeHeader(header), column);
    if (property.default !== undefined) defaults.push([column, property.default]);
  }
  return {
    name,
    schema,
    key: schema['x-key'],
    columns,
    defaults,
    validate: compileSchemaValidator(schema),
    resolveHeader: (header) => headers.get(normalizeHeader(header)),
  };
}

/** The model of a table, built once. */
export function getTableModel(name: string): TableModel {
  let model = models.get(name);
  if (!model) {
    model = buildModel(name);
    models.set(name, model);
  }
  return model;
}
