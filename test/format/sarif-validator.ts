import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// Both packages ship CommonJS; under NodeNext their default export is the module object.
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

/** The OASIS schema, kept in the repository (test/fixtures/external). */
export const SARIF_SCHEMA_PATH = fileURLToPath(new URL('../fixtures/external/sarif-schema-2.1.0.json', import.meta.url));

export interface SarifValidation {
  readonly valid: boolean;
  readonly errors: string;
}

/**
 * A validator of SARIF logs against the official 2.1.0 schema. Two defects of that schema revision are read as their authors meant them:
 * Java's inline `(?i)` flag becomes the `i` flag (JavaScript has no inline flags), and the
 * `anyOf` misplaced under `region.properties` (a region needs startLine, charOffset or
 * byteOffset) is moved up to `region`, where it constrains something. Formats are checked
 * (ajv-formats): URIs must be URI references.
 */
export function sarifValidator(): (log: unknown) => SarifValidation {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8'));
  const region = schema.definitions.region;
  if (Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  const regExp = Object.assign(
    (source: string, flags: string) => (source.includes('(?i)') ? new RegExp(source.replace('(?i)', ''), `${flags}i`) : new RegExp(source, flags)),
    { code: 'new RegExp' },
  );
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp } });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => {
    const valid = validate(log) as boolean;
    return { valid, errors: JSON.stringify(validate.errors ?? [], null, 1) };
  };
}
