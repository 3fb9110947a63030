import type { ErrorObject } from 'ajv';
import { instancePathToKeys } from '../util/yaml-source.js';
import { AJV_OPTIONS, createAjv } from '../util/ajv.js';
import { precompiledValidator, validatorName } from '../util/precompiled-validators.js';
import type { JsonSchema } from './table-schemas.js';

/** One schema violation, as a key path into the data and an input error code. */
export interface SchemaIssue {
  /** For `required`, the path of the missing key. */
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Checks data against a compiled schema; an empty list when it conforms. */
export type SchemaValidator = (data: unknown) => readonly SchemaIssue[];

const VIGIE_KEYWORDS = ['x-format', 'x-aliases', 'x-labels', 'x-key', 'x-personal'];
const NO_ISSUES: readonly SchemaIssue[] = [];

/** What compiles the snapshot schemas: part of a precompiled validator's fingerprint. */
export const SNAPSHOT_AJV_SETUP = { options: AJV_OPTIONS, keywords: VIGIE_KEYWORDS };

/** ajv as the snapshot schemas are compiled (`source`: keeping the code, for the build's precompiled validators). */
export function ajvWithVigieKeywords(source = false) {
  const ajv = createAjv(source);
  // Declared, so that the annotations also pass a strict ajv.
  for (const keyword of VIGIE_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  return ajv;
}

let ajv: ReturnType<typeof ajvWithVigieKeywords> | undefined;

function toIssue(error: ErrorObject): SchemaIssue {
  const path = instancePathToKeys(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: [...path, String(params.missingProperty)], code: 'required', params: {} };
    case 'enum':
      return { path, code: 'unknown-value', params: { expected: (params.allowedValues as unknown[]).filter((value) => value !== null).join(', ') } };
    case 'type':
      return { path, code: 'schema', params: { keyword: 'type', expected: String(params.type) } };
    case 'pattern':
      return { path, code: 'schema', params: { keyword: 'pattern', expected: String(params.pattern) } };
    default: {
      const limit = params.limit;
      return {
        path,
        code: 'schema',
        params: typeof limit === 'number' ? { keyword: error.keyword, expected: limit } : { keyword: error.keyword },
      };
    }
  }
}

/** Compiles a schema once (ajv, all errors) into a validator reporting {@link SchemaIssue}s. */
export function compileSchemaValidator(schema: JsonSchema): SchemaValidator {
  const validate = precompiledValidator(validatorName(schema, SNAPSHOT_AJV_SETUP)) ?? (ajv ??= ajvWithVigieKeywords()).compile(schema as object);
  return (data) => (validate(data) ? NO_ISSUES : (validate.errors ?? []).map(toIssue));
}
