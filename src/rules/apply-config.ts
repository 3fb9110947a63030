import { readFileSync } from 'node:fs';
import { lazyValidator } from '../util/ajv.js';
import { parseDuration } from '../util/dates.js';
import { packagePath } from '../util/package-paths.js';
import { FILE_LIMITS } from '../util/read-bounded-text.js';
import { displayPath, pushSchemaErrors, readYaml, type Locate } from './read-yaml-file.js';
import type { RuleFileError } from './rule-error.js';
import { patternErrors, patternParams } from './compile-regex.js';
import type { Rule, Severity } from './rule-types.js';

interface RuleOverride {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

interface Config {
  readonly rules?: Readonly<Record<string, RuleOverride>>;
  readonly waivers?: { readonly max_horizon?: string };
}

/** The configured catalogue, the waivers' horizon when the config sets one, and every error of the file. */
export interface Configured {
  readonly rules: Rule[];
  readonly errors: RuleFileError[];
  /** `waivers.max_horizon`: how far after the as-of date a waiver may expire before it is a notice. */
  readonly waiverHorizon?: string;
}

const configValidator = lazyValidator(() => JSON.parse(readFileSync(packagePath('schemas/config.schema.json'), 'utf8')) as object);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies a `--config` file (at most 1 MiB) to the catalogue; schema errors and meaning errors come together, with their position. */
export function applyConfig(rules: readonly Rule[], configPath: string | undefined): Configured {
  const errors: RuleFileError[] = [];
  if (!configPath) return { rules: [...rules], errors };
  const file = displayPath(configPath);
  const parsed = readYaml(configPath, errors, FILE_LIMITS.settings);
  if (!parsed) return { rules: [...rules], errors };
  const data = parsed.data ?? {};
  const validateConfig = configValidator();
  if (!validateConfig(data)) pushSchemaErrors(validateConfig.errors ?? [], file, parsed.locate, 'config-schema', errors, data);
  const config = (isObject(data) ? data : {}) as Config;
  const overrides = isObject(config.rules) ? config.rules : {};
  checkOverrides(rules, overrides, file, parsed.locate, errors);
  const horizon = isObject(config.waivers) ? config.waivers.max_horizon : undefined;
  if (typeof horizon === 'string' && !parseDuration(horizon)) {
    errors.push({ file, ...parsed.locate(['waivers', 'max_horizon']), code: 'rule-bad-duration', value: horizon });
  }
  // Schema and meaning errors in the order of the file.
  if (errors.length > 0) return { rules: [...rules], errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };
  const configured = rules
    .filter((rule) => overrides[rule.id]?.enabled !== false)
    .map((rule) => {
      const override = overrides[rule.id];
      if (!override) return rule;
      return { ...rule, severity: override.severity ?? rule.severity, params: { ...rule.params, ...override.params } };
    });
  return { rules: configured, errors, ...(horizon === undefined ? {} : { waiverHorizon: horizon }) };
}

/** Unknown rules and parameters, parameters of the wrong kind or not a duration where the rule has one. */
function checkOverrides(rules: readonly Rule[], overrides: Readonly<Record<string, unknown>>, file: string, locate: Locate, errors: RuleFileError[]): void {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const [id, override] of Object.entries(overrides)) {
    const rule = byId.get(id);
    if (!rule) {
      errors.push({ file, ...locate(['rules', id]), code: 'config-unknown-rule', value: id });
      continue;
    }
    const params = isObject(override) && isObject(override.params) ? override.params : {};
    for (const [name, value] of Object.entries(params)) {
      const position = locate(['rules', id, 'params', name]);
      const current = rule.params[name];
      // Lists and objects are the schema's to report.
      if (value === null || typeof value === 'object') continue;
      if (current === undefined) {
        errors.push({ file, ...position, code: 'rule-unknown-param', value: name });
      } else if (typeof current !== typeof value) {
        errors.push({ file, ...position, code: 'config-schema', value: String(value), params: { keyword: 'type', key: name, expected: typeof current } });
      } else if (parseDuration(current) && !parseDuration(value)) {
        errors.push({ file, ...position, code: 'rule-bad-duration', value: String(value) });
      } else if (patternParams(rule as unknown as Record<string, unknown>).has(name)) {
        errors.push(...patternErrors({ ...rule, params: { [name]: value } } as unknown as Record<string, unknown>, file, () => position));
      }
    }
  }
}
