import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { AJV_OPTIONS, createAjv } from '../util/ajv.js';
import { packagePath } from '../util/package-paths.js';
import { displayPath, parseYaml, pushSchemaErrors, readText, readYaml } from './read-yaml-file.js';
import { ruleFiles } from './rule-files.js';
import type { RuleFileError } from './rule-error.js';
import { fingerprintOf, readRuleCache, type RuleCache } from './rule-cache.js';
import { compiledFact } from './compile-fact.js';
import { compileRule } from './compile-rule.js';
import { patternErrors } from './compile-regex.js';
import { templateErrors } from './check-templates.js';
import { factKindInfo, kindsNamed } from './fact-kinds.js';
import type { FactKindKey } from './fact-types.js';
import { STREAMED_SOURCES } from '../snapshot/table-schemas.js';
import type { ConditionTree, FactDefinition, Rule, RuleDefinition } from './rule-types.js';

export { displayPath, pushSchemaErrors, readYaml } from './read-yaml-file.js';

/** Facts every rule may use, defined once in `rules/_shared/facts.yaml`. */
export interface SharedFacts {
  readonly facts: Readonly<Record<string, FactDefinition>>;
  /** Reference data of `rules/_data/NAME.yaml`, as `$data.NAME` (e.g. the country lists). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly file: string;
}

export interface RuleCatalogue {
  readonly rules: readonly Rule[];
  readonly shared: SharedFacts;
  readonly errors: readonly RuleFileError[];
}

const BUILTIN_FACTS = ['record', 'subject', 'as_of'];

const RULE_SCHEMA_TEXT = readFileSync(packagePath('schemas/rule.schema.json'), 'utf8');

/** The validators of rule files and of the shared facts, compiled when a file is not in the rule cache. */
let validators: { rule: ValidateFunction; shared: ValidateFunction } | undefined;

function validatorsOf(): { rule: ValidateFunction; shared: ValidateFunction } {
  if (!validators) {
    const ajv = createAjv();
    const rule = ajv.compile(JSON.parse(RULE_SCHEMA_TEXT));
    const shared = ajv.compile({
      type: 'object',
      additionalProperties: false,
      required: ['facts'],
      properties: {
        $schema: { type: 'string' },
        facts: { type: 'object', additionalProperties: { $ref: 'https://vigie.local/schemas/rule.schema.json#/definitions/fact' } },
      },
    });
    validators = { rule, shared };
  }
  return validators;
}

/** What judges a rule file besides its text: this loader's code and the kinds of facts, ajv's options and the rule schema (their fingerprint). */
let judges: string | undefined;

function judgesOf(): string {
  const loader = fileURLToPath(import.meta.url);
  const sibling = (name: string): string => readFileSync(join(dirname(loader), `${name}${extname(loader)}`), 'utf8');
  judges ??= fingerprintOf(readFileSync(loader, 'utf8') + sibling('fact-kinds') + sibling('compile-regex') + sibling('check-templates'), 'judges', JSON.stringify(AJV_OPTIONS), RULE_SCHEMA_TEXT);
  return judges;
}

let bundledCache: RuleCache | null | undefined;

function defaultCache(): RuleCache | undefined {
  if (bundledCache === undefined) bundledCache = readRuleCache() ?? null;
  return bundledCache ?? undefined;
}

/** The rule folder shipped with vigie. */
export const BUNDLED_RULES = packagePath('rules');

/** Reads and validates every `<RULE-ID>.yaml` below the folders (`_` folders hold shared data, `*.tests.yaml` fixtures), collecting every error with its position. */
export function loadRules(folders: readonly string[] = [BUNDLED_RULES], cache: RuleCache | undefined = defaultCache()): RuleCatalogue {
  const errors: RuleFileError[] = [];
  const sharedFacts = loadSharedFacts(errors, cache);
  const rules: Rule[] = [];
  const firstFile = new Map<string, string>();
  for (const folder of folders) {
    const files = ruleFiles(folder, errors);
    if (files.length === 0 && errors.length === 0) {
      errors.push({ file: displayPath(folder), line: 1, column: 1, code: 'rules-none' });
    }
    for (const file of files) {
      const rule = loadRuleFile(file, sharedFacts, errors, cache);
      if (!rule) continue;
      const first = firstFile.get(rule.id);
      if (first) {
        errors.push({ file: rule.file, line: 1, column: 1, code: 'rule-duplicate-id', value: rule.id, params: { first } });
        continue;
      }
      firstFile.set(rule.id, rule.file);
      rules.push(rule);
    }
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rules, shared: sharedFacts.shared, errors };
}

/** The shared facts, and the fingerprint of their file (rule files are judged against the facts it declares). */
function loadSharedFacts(errors: RuleFileError[], cache: RuleCache | undefined): { shared: SharedFacts; fingerprint: string } {
  const path = packagePath('rules/_shared/facts.yaml');
  const file = displayPath(path);
  const data = loadReferenceData(errors);
  const text = readText(path, errors);
  const fingerprint = fingerprintOf(judgesOf(), 'shared', 'facts.yaml', text ?? '');
  const empty = { shared: { facts: {}, data, file }, fingerprint };
  if (text === undefined) return empty;
  const cached = cache?.get(fingerprint) as { facts: Record<string, FactDefinition> } | undefined;
  if (cached) return { shared: { facts: compiledFacts(cached.facts), data, file }, fingerprint };
  const parsed = parseYaml(file, text, errors);
  if (parsed === undefined) return empty;
  const validate = validatorsOf().shared;
  if (!validate(parsed.data)) {
    pushSchemaErrors(validate.errors ?? [], file, parsed.locate, 'rule-schema', errors, parsed.data);
    return empty;
  }
  const facts = (parsed.data as { facts: Record<string, FactDefinition> }).facts;
  const errorCount = errors.length;
  checkFactKinds(facts, file, parsed.locate, errors);
  errors.push(...patternErrors({ facts }, file, parsed.locate));
  if (errors.length > errorCount) return empty;
  cache?.set?.(fingerprint, parsed.data);
  return { shared: { facts: compiledFacts(facts), data, file }, fingerprint };
}

function loadReferenceData(errors: RuleFileError[]): Record<string, unknown> {
  const folder = packagePath('rules/_data');
  const data: Record<string, unknown> = {};
  for (const entry of readdirSync(folder).sort()) {
    if (!entry.endsWith('.yaml')) continue;
    const parsed = readYaml(join(folder, entry), errors);
    if (parsed) data[basename(entry, '.yaml')] = parsed.data;
  }
  return data;
}

function loadRuleFile(path: string, shared: { shared: SharedFacts; fingerprint: string }, errors: RuleFileError[], cache: RuleCache | undefined): Rule | undefined {
  const file = displayPath(path);
  const text = readText(path, errors);
  if (text === undefined) return undefined;
  const fingerprint = fingerprintOf(judgesOf() + shared.fingerprint, 'rule', basename(path), text);
  const cached = cache?.get(fingerprint) as Record<string, unknown> | undefined;
  const data = cached ?? checkRuleFile(path, file, text, shared.shared, errors);
  if (data === undefined) return undefined;
  if (!cached) cache?.set?.(fingerprint, data);
  const rule = data as unknown as Omit<RuleDefinition, 'file'>;
  const definition: RuleDefinition = {
    ...rule,
    category: rule.category ?? 'obligation',
    params: rule.params ?? {},
    needs: rule.needs ?? {},
    facts: rule.facts ?? {},
    file,
  };
  // Compiled after the cache, hit or miss: the analysis is never cached, only the rule as validated.
  return { ...definition, compiled: compileRule(definition) };
}

function compiledFacts(facts: Record<string, FactDefinition>): Record<string, FactDefinition> {
  for (const definition of Object.values(facts)) compiledFact(definition);
  return facts;
}

/** A fact names one kind (or none, a list of records): `count: true` with `max:` would be read two ways. */
function checkFactKinds(
  facts: Readonly<Record<string, FactDefinition>> | undefined,
  file: string,
  locate: (keys: readonly (string | number)[]) => { line: number; column: number },
  errors: RuleFileError[],
): void {
  for (const [name, definition] of Object.entries(facts ?? {})) {
    const kinds = kindsNamed(definition);
    if (kinds.length > 1) errors.push({ file, ...locate(['facts', name]), code: 'rule-fact-kinds', value: name, params: { kinds: kinds.join(', ') } });
    else if (kinds.length === 1 && !computable(kinds[0], definition.from)) {
      const code = definition.from !== undefined && STREAMED_SOURCES.has(definition.from) ? 'rule-fact-streamed' : 'rule-fact-held';
      errors.push({ file, ...locate(['facts', name, kinds[0]]), code, value: name, params: { kind: kinds[0], source: definition.from ?? '—' } });
    }
  }
}

/** Whether the source of an aggregate can compute it: a streamed table row by row, a held one (or the entity's records) as a whole. */
function computable(kind: FactKindKey, from: string | undefined): boolean {
  const info = factKindInfo(kind);
  if (!info.readsRecords) return true;
  return from !== undefined && STREAMED_SOURCES.has(from) ? info.streamed : info.held;
}

/** Parses and validates a rule file (its data, with the schema's defaults), or records why it cannot be loaded. */
function checkRuleFile(path: string, file: string, text: string, shared: SharedFacts, errors: RuleFileError[]): Record<string, unknown> | undefined {
  const parsed = parseYaml(file, text, errors);
  if (parsed === undefined) return undefined;
  const data = parsed.data as Record<string, unknown>;
  const validate = validatorsOf().rule;
  if (!validate(data)) {
    pushSchemaErrors(validate.errors ?? [], file, parsed.locate, 'rule-schema', errors, data);
    return undefined;
  }
  const expectedId = basename(path, '.yaml');
  const errorCount = errors.length;
  if (data.id !== expectedId) {
    errors.push({ file, ...parsed.locate(['id']), code: 'rule-id-mismatch', value: String(data.id), params: { expected: expectedId } });
  }
  checkFactKinds(data.facts as Record<string, FactDefinition> | undefined, file, parsed.locate, errors);
  errors.push(...patternErrors(data, file, parsed.locate));
  errors.push(...templateErrors(data, { sharedFacts: Object.keys(shared.facts), data: Object.keys(shared.data) }, file, text, parsed.locate));
  const declared = new Set([...BUILTIN_FACTS, ...Object.keys((data.facts as object) ?? {}), ...Object.keys(shared.facts)]);
  for (const { path: conditionPath, fact } of conditionFacts(data.conditions as ConditionTree, ['conditions'])) {
    if (!declared.has(fact)) errors.push({ file, ...parsed.locate(conditionPath), code: 'rule-unknown-fact', value: fact });
  }
  for (const { path: paramPath, name } of paramReferences(data, [])) {
    if (!Object.hasOwn((data.params as object) ?? {}, name)) {
      errors.push({ file, ...parsed.locate(paramPath), code: 'rule-unknown-param', value: name });
    }
  }
  return errors.length > errorCount ? undefined : data;
}

/** Every `fact` named in a condition tree, with its key path (for error positions). */
function* conditionFacts(tree: unknown, path: (string | number)[]): Generator<{ path: (string | number)[]; fact: string }> {
  if (tree === null || typeof tree !== 'object') return;
  const node = tree as Record<string, unknown>;
  if (typeof node.fact === 'string') yield { path: [...path, 'fact'], fact: node.fact };
  const value = node.value as Record<string, unknown> | undefined;
  if (value && typeof value === 'object' && typeof value.fact === 'string') yield { path: [...path, 'value', 'fact'], fact: value.fact };
  for (const key of ['all', 'any'] as const) {
    const children = node[key];
    if (Array.isArray(children)) for (const [i, child] of children.entries()) yield* conditionFacts(child, [...path, key, i]);
  }
  if (node.not) yield* conditionFacts(node.not, [...path, 'not']);
}

/** Every `$param.NAME` / `{param: NAME}` used anywhere in a rule. */
function* paramReferences(value: unknown, path: (string | number)[]): Generator<{ path: (string | number)[]; name: string }> {
  if (typeof value === 'string') {
    const match = /^\$params?\.(\w+)/.exec(value);
    if (match) yield { path, name: match[1] };
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    if (key === 'param' && typeof child === 'string' && !Array.isArray(value)) yield { path, name: child };
    else yield* paramReferences(child, [...path, key]);
  }
}
