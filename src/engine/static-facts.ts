import type { Rule } from '../rules/rule-types.js';
import { compiledRule } from '../rules/compile-rule.js';
import { deriveFact } from '../facts/derive-facts.js';
import type { DerivedFact, EvaluationContext, Scope } from '../facts/scope.js';

/** The facts of a rule that do not depend on the visited entity: computed once, and usable by the streaming pass's row filters. */
export function staticFactsOf(rule: Rule, context: EvaluationContext): Map<string, DerivedFact> {
  const derived = new Map<string, DerivedFact>();
  const facts: Record<string, unknown> = {};
  const scope: Scope = { context, params: rule.params, facts };
  for (const { name, definition, factsRead } of compiledRule(rule).staticFacts) {
    // A fact read that threw is left out, and so are the facts that read it.
    if (factsRead.some((read) => !Object.hasOwn(facts, read))) continue;
    try {
      const fact = deriveFact(definition, scope);
      facts[name] = fact.value;
      derived.set(name, fact);
    } catch {
      // Left to the per-entity evaluation, which reports the failure.
    }
  }
  return derived;
}

/** The values of precomputed facts, to start an entity's facts from. */
export function valuesOf(derived: ReadonlyMap<string, DerivedFact>): Record<string, unknown> {
  return Object.fromEntries([...derived].map(([name, fact]) => [name, fact.value]));
}
