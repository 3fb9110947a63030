import type { Rule } from '../rules/rule-types.js';
import { deriveFact, readsOwnRecords } from '../facts/derive-facts.js';
import type { DerivedFact, EvaluationContext, Scope } from '../facts/scope.js';
import { isStreamFact } from '../facts/streamed-facts.js';

/**
 * The facts of a rule that do not depend on the visited entity (a cut-off date, a count over
 * a whole table): computed once, and usable by the streaming pass's row filters.
 */
export function staticFactsOf(rule: Rule, context: EvaluationContext): Map<string, DerivedFact> {
  const derived = new Map<string, DerivedFact>();
  const facts: Record<string, unknown> = {};
  const scope: Scope = { context, params: rule.params, facts };
  const names = new Set(Object.keys(rule.facts));
  for (const [name, definition] of Object.entries(rule.facts)) {
    const text = JSON.stringify(definition);
    if (isStreamFact(definition) || /\$(record|subject|row)\b/.test(text)) continue;
    if (readsOwnRecords(definition)) continue;
    const references = [...text.matchAll(/"\$(\w+)/g)].map((match) => match[1]);
    if (references.some((reference) => names.has(reference) && !Object.hasOwn(facts, reference))) continue;
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
