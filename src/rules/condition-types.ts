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

/** A fact a condition tree reads, and the path within it (`record` at `$.left_on`) with its keys split once (`['left_on']`). */
export type ConditionRead =
  | { readonly fact: string; readonly path?: undefined; readonly keys?: undefined }
  | { readonly fact: string; readonly path: string; readonly keys: readonly string[] };

/** The read of a fact at a `$.a.b` path (what the rule schema allows), or of the whole fact without one. */
export function conditionRead(fact: string, path: string | undefined): ConditionRead {
  return path ? { fact, path, keys: path.slice(2).split('.') } : { fact };
}

/** Every fact (and path) a condition tree reads, facts compared against (`value: {fact}`) included, in order. */
export function conditionReads(tree: unknown): ConditionRead[] {
  const reads: ConditionRead[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const condition = node as { fact?: unknown; path?: string; value?: unknown; all?: unknown[]; any?: unknown[]; not?: unknown };
    if (typeof condition.fact === 'string') reads.push(conditionRead(condition.fact, condition.path));
    const value = condition.value as { fact?: unknown; path?: string } | undefined;
    if (value && typeof value === 'object' && typeof value.fact === 'string') reads.push(conditionRead(value.fact, value.path));
    for (const child of [...(condition.all ?? []), ...(condition.any ?? [])]) visit(child);
    if (condition.not) visit(condition.not);
  };
  visit(tree);
  return reads;
}
