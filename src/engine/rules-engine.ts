import { Engine, type RuleResult } from 'json-rules-engine';
import type { ConditionTree, Lang, Rule } from '../rules/rule-types.js';
import { CUSTOM_OPERATORS } from '../facts/operators.js';
import { keyPart } from '../util/memo-key.js';

// How vigie drives json-rules-engine: one engine per rule with the custom operators, the
// facts its conditions read, and the labels of the named conditions that held.

/** A json-rules-engine holding one rule's conditions and vigie's operators. */
export function createEngine(conditions: ConditionTree): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveSimplePath });
  for (const operator of CUSTOM_OPERATORS) engine.addOperator(operator);
  engine.addRule({ conditions: conditions as never, event: { type: 'finding' } });
  return engine;
}

/** Whether conditions hold for the given facts (a rule's applies_when or evaluable_when). */
export async function conditionsHold(conditions: ConditionTree, facts: Record<string, unknown>): Promise<boolean> {
  const { events } = await createEngine(conditions).run(facts);
  return events.length > 0;
}

/** A fact a condition reads, and the path within it (`record` at `$.left_on`). */
export interface ConditionInput {
  readonly fact: string;
  readonly path?: string;
}

/** Every fact (and path) a condition tree reads, including facts compared against (`value: {fact}`). */
export function conditionInputs(tree: unknown): ConditionInput[] {
  const inputs: ConditionInput[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const condition = node as { fact?: string; path?: string; value?: unknown; all?: unknown[]; any?: unknown[]; not?: unknown };
    if (typeof condition.fact === 'string') inputs.push({ fact: condition.fact, ...(condition.path ? { path: condition.path } : {}) });
    const value = condition.value as { fact?: string; path?: string } | undefined;
    if (value && typeof value === 'object' && typeof value.fact === 'string') inputs.push({ fact: value.fact, ...(value.path ? { path: value.path } : {}) });
    for (const child of [...(condition.all ?? []), ...(condition.any ?? [])]) visit(child);
    if (condition.not) visit(condition.not);
  };
  visit(tree);
  return inputs;
}

/** A text that differs whenever a value the conditions read differs (type included). */
export function decisionKey(valueOf: (fact: string) => unknown, inputs: readonly ConditionInput[]): string {
  let key = '';
  for (const { fact, path } of inputs) {
    const whole = valueOf(fact);
    const value = path ? resolveSimplePath(whole, path) : whole;
    key += keyPart(value);
  }
  return key;
}

/** Only what the conditions read: whole facts, or for a path the value at that path. */
export function projectFacts(valueOf: (fact: string) => unknown, inputs: readonly ConditionInput[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const { fact, path } of inputs) {
    const value = valueOf(fact);
    if (!path) {
      facts[fact] = value;
      continue;
    }
    const keys = path.slice(2).split('.');
    let target = (facts[fact] ??= {}) as Record<string, unknown>;
    keys.slice(0, -1).forEach((key) => (target = (target[key] ??= {}) as Record<string, unknown>));
    target[keys[keys.length - 1]] = resolveSimplePath(value, path);
  }
  return facts;
}

// The few paths the rules' conditions hold, split once: they are read for every entity.
const pathKeys = new Map<string, string[]>();

/** `$.a.b` paths only (what the rule schema allows): faster than a JSONPath engine per condition. */
export function resolveSimplePath(value: unknown, path: string): unknown {
  let keys = pathKeys.get(path);
  if (!keys) {
    keys = path.slice(2).split('.');
    pathKeys.set(path, keys);
  }
  let current = value;
  for (const key of keys) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Replaces `{param: NAME}` and `"$param.NAME"` values of a condition tree by the rule's parameters. */
export function resolveParams(tree: ConditionTree, params: Readonly<Record<string, unknown>>): ConditionTree {
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const match = /^\$params?\.(\w+)$/.exec(node);
      return match ? params[match[1]] : node;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (node !== null && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      const keys = Object.keys(object);
      if (keys.length === 1 && keys[0] === 'param' && typeof object.param === 'string') return params[object.param];
      return Object.fromEntries(keys.map((key) => [key, visit(object[key])]));
    }
    return node;
  };
  return visit(tree) as ConditionTree;
}

/** Label templates of the named conditions that held, e.g. "téléphone invalide ({record.phone})". */
export function matchedLabels(rule: Rule, result: RuleResult | undefined, lang: Lang): string[] {
  const labels: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const condition = node as { name?: string; result?: boolean; all?: unknown[]; any?: unknown[]; not?: unknown };
    if (condition.name && condition.result === true) {
      const label = rule.condition_labels?.[condition.name];
      if (label) labels.push(label[lang]);
    }
    for (const child of [...(condition.all ?? []), ...(condition.any ?? [])]) visit(child);
    if (condition.not) visit(condition.not);
  };
  visit(result?.conditions);
  return labels;
}
