/** A comparison of a json-rules-engine condition tree: a fact (at a path) against a value or another fact. */
export interface ConditionComparison {
  readonly fact: string;
  /** A JSONPath into the fact (`$.left_on`). */
  readonly path?: string;
  /** An operator of schemas/rule.schema.json (json-rules-engine's and src/facts/operators.ts). */
  readonly operator: string;
  /** A literal, `{param: NAME}`, `$param.NAME` (resolved at evaluation) or `{fact, path}`. */
  readonly value: unknown;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly name?: string;
}

/** A group of conditions: all of, any of, or not, optionally named (for `condition_labels`). */
export interface ConditionGroup {
  readonly all?: readonly TypedCondition[];
  readonly any?: readonly TypedCondition[];
  readonly not?: TypedCondition;
  readonly name?: string;
}

/** A node of a condition tree (schemas/rule.schema.json, `condition`). */
export type TypedCondition = ConditionGroup | ConditionComparison;

/** A fact a condition tree reads, and the path within it (`record` at `$.left_on`). */
export interface ConditionRead {
  readonly fact: string;
  readonly path?: string;
}

/** Every fact (and path) a condition tree reads, facts compared against (`value: {fact}`) included, in order. */
export function conditionReads(tree: unknown): ConditionRead[] {
  const reads: ConditionRead[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const condition = node as { fact?: unknown; path?: string; value?: unknown; all?: unknown[]; any?: unknown[]; not?: unknown };
    if (typeof condition.fact === 'string') reads.push({ fact: condition.fact, ...(condition.path ? { path: condition.path } : {}) });
    const value = condition.value as { fact?: unknown; path?: string } | undefined;
    if (value && typeof value === 'object' && typeof value.fact === 'string') reads.push({ fact: value.fact, ...(value.path ? { path: value.path } : {}) });
    for (const child of [...(condition.all ?? []), ...(condition.any ?? [])]) visit(child);
    if (condition.not) visit(condition.not);
  };
  visit(tree);
  return reads;
}
