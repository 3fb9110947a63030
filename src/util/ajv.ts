import AjvModule from 'ajv';

// ajv ships CommonJS; under NodeNext its default export is the module object.
const Ajv = AjvModule.default ?? AjvModule;

/** A validator that reports every error, not just the first. */
export function createAjv() {
  return new Ajv({ allErrors: true, strict: false, useDefaults: true });
}

/**
 * The validator of a schema, compiled the first time it is asked for: the optional files of
 * a run (--config, --waivers, --baseline) cost nothing when absent (about 40 ms of start-up).
 */
export function lazyValidator(schema: () => object) {
  let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;
  return () => (validate ??= createAjv().compile(schema()));
}
