import standaloneModule from 'ajv/dist/standalone/index.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { PRECOMPILED_VALIDATORS_PATH, validatorName } from '../util/precompiled-validators.js';
import { ajvWithVigieKeywords, SNAPSHOT_AJV_SETUP } from './schema-validator.js';
import { loadPartnerSchema, loadTableSchema, TABLE_NAMES, type JsonSchema } from './table-schemas.js';

// ajv ships CommonJS; under NodeNext its default export is the module object.
type StandaloneCode = (ajv: ReturnType<typeof ajvWithVigieKeywords>, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ?? standaloneModule) as unknown as StandaloneCode;

/** Writes the snapshot schemas' validators as ajv standalone code; returns how many. */
export function writeSchemaValidators(path = PRECOMPILED_VALIDATORS_PATH): number {
  const ajv = ajvWithVigieKeywords(true);
  const exports: Record<string, string> = {};
  for (const schema of [loadPartnerSchema(), ...TABLE_NAMES.map(loadTableSchema)] as (JsonSchema & { $id: string })[]) {
    ajv.addSchema(schema as object);
    exports[validatorName(schema, SNAPSHOT_AJV_SETUP)] = schema.$id;
  }
  // Atomic: a vigie running during a build never loads half a file.
  writeFileAtomic(path, standaloneCode(ajv, exports));
  return Object.keys(exports).length;
}
