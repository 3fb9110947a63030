import type { Rule } from '../rules/rule-types.js';
import { compiledRule } from '../rules/compile-rule.js';

/** Whether a rule reads a streamed table (its entities or one of its facts). */
export function readsStreams(rule: Rule): boolean {
  return compiledRule(rule).readsStreams;
}
