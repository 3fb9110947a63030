import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { packagePath } from './package-paths.js';

/**
 * The build's standalone validators of the snapshot schemas, sparing their compilation at each
 * thread's start (docs/PERFORMANCE.md); a schema changed since the build is compiled as before.
 */
export const PRECOMPILED_VALIDATORS_PATH = packagePath('dist/schema-validators.cjs');

const require = createRequire(import.meta.url);

/** A validator's export name: the fingerprint of its schema and of the ajv set-up. */
export function validatorName(schema: object, setup: object): string {
  const version = (require('ajv/package.json') as { version: string }).version;
  return `v${createHash('sha256').update(JSON.stringify([version, setup, schema])).digest('hex').slice(0, 40)}`;
}

let loaded: Record<string, ValidateFunction> | null | undefined;

/** The build's validator of that name, if there is one. */
export function precompiledValidator(name: string, path = PRECOMPILED_VALIDATORS_PATH): ValidateFunction | undefined {
  if (path !== PRECOMPILED_VALIDATORS_PATH) return loadValidators(path)?.[name];
  if (loaded === undefined) loaded = loadValidators(path) ?? null;
  return loaded?.[name];
}

function loadValidators(path: string): Record<string, ValidateFunction> | undefined {
  try {
    return require(path) as Record<string, ValidateFunction>;
  } catch {
    return undefined;
  }
}
