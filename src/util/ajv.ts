import AjvModule from 'ajv';

// ajv ships CommonJS; under NodeNext its default export is the module object.
const Ajv = AjvModule.default ?? AjvModule;

/** A validator that reports every error, not just the first. */
export function createAjv() {
  return new Ajv({ allErrors: true, strict: false, useDefaults: true });
}
