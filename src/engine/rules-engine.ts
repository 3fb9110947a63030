import { Engine, type RuleResult } from 'json-rules-engine';
import type { ConditionTree, Lang, Rule } from '../rules/rule-types.js';
import { CUSTOM_OPERATORS } from '../facts/operators.js';
import { keyPart } from '../util/memo-key.js';
import { conditionRead, conditionReads, type ConditionRead } from '../rules/condition-types.js';

/** A json-rules-engine holding one rule's conditions and vigie's operators. */
export function createEngine(conditions: ConditionTree): Engine {
  // json-rules-engine hands its resolver the path's text: the keys come from the tree's reads, split once per engine.
  const keysOf = new Map<string, readonly string[]>();
  for (const read of conditionReads(conditions)) if (read.path !== undefined) keysOf.set(read.path, read.keys);
  const pathResolver = (value: unknown, path: string): unknown => valueAt(value, keysOf.get(path) ?? path.slice(2).split('.'));
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver });
  for (const operator of CUSTOM_OPERATORS) engine.addOperator(operator);
  engine.addRule({ conditions: conditions as never, event: { type: 'finding' } });
  return engine;
}

/** Whether conditions hold for the given facts (a rule's applies_when or evaluable_when). */
export async function conditionsHold(conditions: ConditionTree, facts: Record<string, unknown>): Promise<boolean> {
  const { events } = await createEngine(conditions).run(facts);
  return events.length > 0;
}

/** A text that differs whenever a value the conditions read differs (type included). */
export function decisionKey(valueOf: (fact: string) => unknown, inputs: readonly ConditionRead[]): string {
  let key = '';
  for (const input of inputs) key += keyPart(readInput(valueOf, input));
  return key;
}

/** One comparison of a condition tree: a fact (at a path) against a value or another fact, by an operator of the engine. */
export interface Comparison {
  readonly input: ConditionRead;
  readonly operator: { evaluate(factValue: unknown, value: unknown): unknown };
  readonly against?: ConditionRead;
  readonly value: unknown;
}

/** The comparisons of a condition tree with its engine's operators; undefined for any other tree (the engine then decides each time). */
export function comparisonsOf(engine: Engine, tree: ConditionTree): Comparison[] | undefined {
  // json-rules-engine's own operator table, so that a comparison here is the engine's; a version that moved it makes this return undefined.
  const operators = (engine as unknown as { operators?: { get?: (name: string) => Comparison['operator'] | null } }).operators;
  if (typeof operators?.get !== 'function') return undefined;
  const comparisons: Comparison[] = [];
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    const condition = node as { fact?: unknown; path?: string; operator?: unknown; value?: unknown; all?: unknown[]; any?: unknown[]; not?: unknown };
    if (Array.isArray(condition.all)) return condition.all.every(visit);
    if (Array.isArray(condition.any)) return condition.any.every(visit);
    if (condition.not !== undefined) return visit(condition.not);
    if (typeof condition.fact !== 'string' || typeof condition.operator !== 'string') return false;
    const operator = operators.get!.call(operators, condition.operator);
    if (!operator) return false;
    const value = condition.value as { fact?: unknown; path?: string } | undefined;
    const against = value !== null && typeof value === 'object' && typeof value.fact === 'string' ? conditionRead(value.fact, value.path) : undefined;
    comparisons.push({ input: conditionRead(condition.fact, condition.path), operator, against, value: condition.value });
    return true;
  };
  return visit(tree) ? comparisons : undefined;
}

/** A decision key of whether each comparison holds: entities whose values compare alike share one run of the engine (docs/PERFORMANCE.md). */
export function comparisonKey(valueOf: (fact: string) => unknown, comparisons: readonly Comparison[]): string {
  let key = '';
  for (const { input, operator, against, value } of comparisons) {
    const left = readInput(valueOf, input);
    const right = against ? readInput(valueOf, against) : value;
    key += operator.evaluate(left, right) ? '1' : '0';
  }
  return key;
}

function readInput(valueOf: (fact: string) => unknown, { fact, keys }: ConditionRead): unknown {
  const whole = valueOf(fact);
  return keys ? valueAt(whole, keys) : whole;
}

/** Only what the conditions read: whole facts, or for a path the value at that path. */
export function projectFacts(valueOf: (fact: string) => unknown, inputs: readonly ConditionRead[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const { fact, keys } of inputs) {
    const value = valueOf(fact);
    if (!keys) {
      facts[fact] = value;
      continue;
    }
    let target = (facts[fact] ??= {}) as Record<string, unknown>;
    keys.slice(0, -1).forEach((key) => (target = (target[key] ??= {}) as Record<string, unknown>));
    target[keys[keys.length - 1]] = valueAt(value, keys);
  }
  return facts;
}

/** The value at the keys of a `$.a.b` path (what the rule schema allows): faster than a JSONPath engine per condition. */
function valueAt(value: unknown, keys: readonly string[]): unknown {
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
