import { readFileSync } from 'node:fs';
import { lazyValidator } from '../util/ajv.js';
import { parseDuration } from '../util/dates.js';
import { packagePath } from '../util/package-paths.js';
import { displayPath, pushSchemaErrors, readYaml } from './load-rules.js';
import type { RuleFileError } from './rule-error.js';
import { patternErrors, patternParams } from './compile-regex.js';
import type { Rule, Severity } from './rule-types.js';

interface RuleOverride {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

const configValidator = lazyValidator(() => JSON.parse(readFileSync(packagePath('schemas/config.schema.json'), 'utf8')) as object);

/**
 * Applies a `--config` file (per-rule `enabled`, `severity`, `params`) to the catalogue.
 * Unknown rules, unknown parameters and values of the wrong kind are errors with their position.
 */
export function applyConfig(rules: readonly Rule[], configPath: string | undefined): { rules: Rule[]; errors: RuleFileError[] } {
  const errors: RuleFileError[] = [];
  if (!configPath) return { rules: [...rules], errors };
  const file = displayPath(configPath);
  const parsed = readYaml(configPath, errors);
  if (!parsed) return { rules: [...rules], errors };
  const validateConfig = configValidator();
  if (!validateConfig(parsed.data ?? {})) {
    pushSchemaErrors(validateConfig.errors ?? [], file, parsed.locate, 'config-schema', errors);
    return { rules: [...rules], errors };
  }
  const overrides = ((parsed.data ?? {}) as { rules?: Record<string, RuleOverride> }).rules ?? {};
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const [id, override] of Object.entries(overrides)) {
    const rule = byId.get(id);
    if (!rule) {
      errors.push({ file, ...parsed.locate(['rules', id]), code: 'config-unknown-rule', value: id });
      continue;
    }
    for (const [name, value] of Object.entries(override.params ?? {})) {
      const position = parsed.locate(['rules', id, 'params', name]);
      const current = rule.params[name];
      if (current === undefined) {
        errors.push({ file, ...position, code: 'rule-unknown-param', value: name });
      } else if (typeof current !== typeof value) {
        errors.push({ file, ...position, code: 'config-schema', value: String(value), params: { detail: `${name}: ${typeof current}` } });
      } else if (parseDuration(current) && !parseDuration(value)) {
        errors.push({ file, ...position, code: 'rule-bad-duration', value: String(value) });
      } else if (patternParams(rule as unknown as Record<string, unknown>).has(name)) {
        errors.push(...patternErrors({ ...rule, params: { [name]: value } } as unknown as Record<string, unknown>, file, () => position));
      }
    }
  }
  if (errors.length > 0) return { rules: [...rules], errors };
  const configured = rules
    .filter((rule) => overrides[rule.id]?.enabled !== false)
    .map((rule) => {
      const override = overrides[rule.id];
      if (!override) return rule;
      return { ...rule, severity: override.severity ?? rule.severity, params: { ...rule.params, ...override.params } };
    });
  return { rules: configured, errors };
}
