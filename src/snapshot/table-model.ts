import { closestName, type NameCandidate } from './closest-name.js';
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
  /** The canonical column a header stands for (canonical name or French alias, any case or accent, a `(unit)` or `[format]` suffix aside). */
  resolveHeader(header: string): string | undefined;
  /** The known header closest to an unknown one, among the columns not in `present`, as a user writes it. */
  closestHeader(header: string, present?: ReadonlySet<string>): { readonly column: string; readonly name: string } | undefined;
  /** The first French header of a column as a user writes it (`Date de départ`), or its canonical name. */
  frenchHeader(column: string): string;
}

/** A trailing `(jj/mm/aaaa)`, `(nb)` or `[€]`: a unit or format a spreadsheet adds to its header. */
const SUFFIX = /\s*(?:\([^()]*\)|\[[^[\]]*\])\s*$/u;

/** A header without its trailing units or formats (`Date de départ (jj/mm/aaaa)` → `Date de départ`). */
export function withoutSuffix(header: string): string {
  let text = header;
  for (let stripped = text.replace(SUFFIX, ''); stripped !== text && stripped.trim() !== ''; stripped = text.replace(SUFFIX, '')) text = stripped;
  return text;
}

/** An alias as a header is written: the schema lists them in lower case. */
function asWritten(alias: string): string {
  return alias.charAt(0).toUpperCase() + alias.slice(1);
}

const models = new Map<string, TableModel>();

function buildModel(name: string): TableModel {
  const schema = loadTableSchema(name);
  const required = new Set(schema.required);
  const columns = new Map<string, ColumnModel>();
  const headers = new Map<string, string>();
  const defaults: [string, unknown][] = [];
  const candidates: NameCandidate<string>[] = [];
  for (const [column, property] of Object.entries(schema.properties)) {
    columns.set(column, { name: column, schema: property, required: required.has(column), convert: compileConverter(property) });
    for (const header of [column, ...(property['x-aliases'] ?? [])]) headers.set(normalizeHeader(header), column);
    for (const alias of property['x-aliases'] ?? []) candidates.push({ name: asWritten(alias), target: column });
    candidates.push({ name: column, target: column });
    if (property.default !== undefined) defaults.push([column, property.default]);
  }
  const resolveHeader = (header: string): string | undefined => headers.get(normalizeHeader(header)) ?? headers.get(normalizeHeader(withoutSuffix(header)));
  return {
    name,
    schema,
    key: schema['x-key'],
    columns,
    defaults,
    validate: compileSchemaValidator(schema),
    resolveHeader,
    closestHeader: (header, present = new Set()) => {
      const found = closestName(withoutSuffix(header), candidates.filter((candidate) => !present.has(candidate.target)));
      return found && { column: found.target, name: found.name };
    },
    frenchHeader: (column) => {
      const alias = schema.properties[column]?.['x-aliases']?.[0];
      return alias === undefined ? column : asWritten(alias);
    },
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
