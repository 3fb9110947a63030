import type { Rule } from '../rules/rule-types.js';
import { isStreamFact } from '../facts/streamed-facts.js';
import { STREAMED_SOURCES } from '../snapshot/table-schemas.js';

/** Whether a rule reads a streamed table (its entities or one of its facts). */
export function readsStreams(rule: Rule): boolean {
  return STREAMED_SOURCES.has(rule.for_each.from) || Object.values(rule.facts).some(isStreamFact);
}
