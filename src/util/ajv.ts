import { createRequire } from 'node:module';
import type AjvModule from 'ajv';

type AjvClass = typeof AjvModule.default;

// ajv is loaded when a schema is first compiled: most runs compile none (docs/PERFORMANCE.md).
let Ajv: AjvClass | undefined;

function ajvClass(): AjvClass {
  if (!Ajv) {
    // ajv ships CommonJS: its module object is also its default export.
    const loaded = createRequire(import.meta.url)('ajv') as AjvClass & { default?: AjvClass };
    Ajv = loaded.default ?? loaded;
  }
  return Ajv;
}

/** The options of every validator: all errors, not just the first; the schemas' defaults filled in. */
export const AJV_OPTIONS = { allErrors: true, strict: false, useDefaults: true } as const;

/** A validator reporting every error (`source` keeps the code for standalone output). */
export function createAjv(source = false) {
  const Class = ajvClass();
  return new Class({ ...AJV_OPTIONS, ...(source ? { code: { source: true } } : {}) });
}

/** A schema's validator, compiled on first use so that absent optional files cost nothing. */
export function lazyValidator(schema: () => object) {
  let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;
  return () => (validate ??= createAjv().compile(schema()));
}
