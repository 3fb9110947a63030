import AjvModule from 'ajv';

// ajv ships CommonJS; under NodeNext its default export is the module object.
const Ajv = AjvModule.default ?? AjvModule;

/** The options of every validator: all errors, not just the first; the schemas' defaults filled in. */
export const AJV_OPTIONS = { allErrors: true, strict: false, useDefaults: true } as const;

/** A validator that reports every error, not just the first (`source`: keeps the code, for ajv's standalone code). */
export function createAjv(source = false) {
  return new Ajv({ ...AJV_OPTIONS, ...(source ? { code: { source: true } } : {}) });
}

/**
 * The validator of a schema, compiled the first time it is asked for: the optional files of
 * a run (--config, --waivers, --baseline) cost nothing when absent (about 40 ms of start-up).
 */
export function lazyValidator(schema: () => object) {
  let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;
  return () => (validate ??= createAjv().compile(schema()));
}
