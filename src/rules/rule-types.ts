import type { CompiledRule } from './compile-rule.js';
import type { RuleDefinition } from './rule-definition.js';

export * from './rule-definition.js';
export type { CompiledFact, FactJoin, FactReads } from './compile-fact.js';
export type { CompiledRule, CompiledRuleFact } from './compile-rule.js';
export type { TypedFactDefinition, FactKindName } from './fact-types.js';
export type { TypedWhereClause } from './where-types.js';
export type { TypedCondition } from './condition-types.js';

/** A rule after loading, with what it reads worked out once (src/rules/compile-rule.ts). */
export interface Rule extends RuleDefinition {
  readonly compiled: CompiledRule;
}
