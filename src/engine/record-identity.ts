import { existsSync, readFileSync } from 'node:fs';
import type { DataRecord } from '../snapshot/snapshot-types.js';
import { stableStringify } from '../util/stable-stringify.js';
import { packagePath } from '../util/package-paths.js';

const identityFields = new Map<string, readonly string[] | undefined>();

/** The fields that identify a record of a table: the schema's `x-identity`, else its `x-key`; without either, all its values. */
function fieldsOf(table: string): readonly string[] | undefined {
  if (!identityFields.has(table)) {
    const path = packagePath(`schemas/tables/${table}.schema.json`);
    let fields: readonly string[] | undefined;
    if (existsSync(path)) {
      const schema = JSON.parse(readFileSync(path, 'utf8')) as { 'x-identity'?: string[]; 'x-key'?: string };
      fields = schema['x-identity'] ?? (schema['x-key'] ? [schema['x-key']] : undefined);
    }
    identityFields.set(table, fields);
  }
  return identityFields.get(table);
}

/** A text naming a record independently of its position in the file. */
export function recordIdentity(record: DataRecord): string {
  const fields = fieldsOf(record.table);
  const values = fields ? fields.map((field) => record.values[field] ?? null) : record.values;
  return `${record.table}:${stableStringify(values)}`;
}
