import { createRequire } from 'node:module';
import type AjvModule from 'ajv';

type AjvClass = typeof AjvModule.default;

/**
 * ajv, loaded when a schema is first compiled: with the rule cache and the precompiled
 * validators of the build, a run given no --config, --waivers or --baseline compiles none,
 * and loading ajv took 30 ms of each thread's start.
 */
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

/** A validator that reports every error, not just the first (`source`: keeps the code, for ajv's standalone code). */
export function createAjv(source = false) {
  const Class = ajvClass();
  return new Class({ ...AJV_OPTIONS, ...(source ? { code: { source: true } } : {}) });
}

/**
 * The validator of a schema, compiled the first time it is asked for: the optional files of
 * a run (--config, --waivers, --baseline) cost nothing when absent (about 40 ms of start-up).
 */
export function lazyValidator(schema: () => object) {
  let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;
  return () => (validate ??= createAjv().compile(schema()));
}
