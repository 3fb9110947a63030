import { RE2JS, RE2JSSyntaxException } from 're2js';
import type { RuleFileError } from './rule-error.js';

// Rule regexes run on RE2 (linear time, so `^(a+)+$` cannot hang a run), written in JavaScript's syntax and translated; lookaround and backreferences are refused at load.

/** Why a pattern is refused: the code of its rule error and the part of the pattern at fault. */
export interface PatternProblem {
  readonly code: string;
  readonly fragment: string;
}

/** RE2's parse errors, by the code of the message that says them in the user's words (rule-error.ts). */
const SYNTAX_CODES: Readonly<Record<string, string>> = {
  'missing closing ]': 'rule-pattern-bracket',
  'missing closing )': 'rule-pattern-paren',
  'unexpected )': 'rule-pattern-paren',
  'invalid nested repetition operator': 'rule-pattern-repeat',
  'missing argument to repetition operator': 'rule-pattern-repeat',
  'invalid repeat count': 'rule-pattern-repeat-count',
  'invalid escape sequence': 'rule-pattern-escape',
  'trailing backslash at end of expression': 'rule-pattern-escape',
  'invalid character class range': 'rule-pattern-range',
  'invalid character class': 'rule-pattern-range',
  'expression too large': 'rule-pattern-large',
  'expression nests too deeply': 'rule-pattern-large',
};

/** Lookaround and backreferences, told apart before RE2 parses (it would call `(?<=` a bad group name). */
const UNSUPPORTED: readonly { readonly code: string; readonly pattern: RegExp }[] = [
  { code: 'rule-pattern-lookbehind', pattern: /(?<!\\)\(\?<[=!]/ },
  { code: 'rule-pattern-lookahead', pattern: /(?<!\\)\(\?[=!]/ },
  { code: 'rule-pattern-backreference', pattern: /\\(?:[1-9]|k<)/ },
];

/** Why RE2 refuses a rule's pattern, or undefined when it compiles. */
export function patternProblem(text: string): PatternProblem | undefined {
  const bare = text.replace(/\\\\/g, '');
  for (const { code, pattern } of UNSUPPORTED) {
    const found = pattern.exec(bare);
    if (found) return { code, fragment: found[0] };
  }
  try {
    RE2JS.compile(RE2JS.translateRegExp(text));
    return undefined;
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) return { code: 'rule-pattern-syntax', fragment: text };
    return { code: SYNTAX_CODES[error.error] ?? 'rule-pattern-syntax', fragment: error.input ?? text };
  }
}

// Keyed by pattern text: the patterns are those of the rules and their configuration, a few dozen.
const compiled = new Map<string, RE2JS>();

/** A rule's pattern compiled once; throws on a pattern the loader would have refused. */
export function rulePattern(text: string): RE2JS {
  let pattern = compiled.get(text);
  if (!pattern) {
    pattern = RE2JS.compile(RE2JS.translateRegExp(text));
    compiled.set(text, pattern);
  }
  return pattern;
}

/** A pattern of a rule file: the text written there, or the parameter it names, at its key path. */
export interface RulePattern {
  readonly path: readonly (string | number)[];
  readonly text?: string;
  readonly param?: string;
  readonly dynamic?: true;
}

const PATTERN_OPERATORS = new Set(['matchesPattern', 'notMatchesPattern']);

/** Every regular expression of a rule's data: conditions' pattern operators and `normalize.remove`. */
export function* rulePatterns(data: Readonly<Record<string, unknown>>): Generator<RulePattern> {
  for (const key of ['conditions', 'applies_when', 'evaluable_when']) yield* conditionPatterns(data[key], [key]);
  for (const [name, fact] of Object.entries((data.facts as Record<string, { normalize?: { remove?: unknown } }>) ?? {})) {
    const remove = fact?.normalize?.remove;
    if (remove !== undefined) yield { path: ['facts', name, 'normalize', 'remove'], text: String(remove) };
  }
}

function* conditionPatterns(node: unknown, path: (string | number)[]): Generator<RulePattern> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [index, child] of node.entries()) yield* conditionPatterns(child, [...path, index]);
    return;
  }
  const object = node as Record<string, unknown>;
  if (typeof object.operator === 'string' && PATTERN_OPERATORS.has(object.operator)) yield patternOf(object.value, [...path, 'value']);
  for (const key of ['conditions', 'all', 'any', 'not']) if (object[key] !== undefined) yield* conditionPatterns(object[key], [...path, key]);
}

function patternOf(value: unknown, path: (string | number)[]): RulePattern {
  if (typeof value === 'string') {
    const param = /^\$params?\.(\w+)$/.exec(value)?.[1];
    return param ? { path, param } : { path, text: value };
  }
  if (value !== null && typeof value === 'object' && typeof (value as { param?: unknown }).param === 'string') {
    return { path, param: (value as { param: string }).param };
  }
  // A pattern read from a fact would come from the data under audit: refused, whatever it holds.
  return typeof value === 'object' && value !== null ? { path, dynamic: true } : { path, text: String(value) };
}

/** The located errors of a rule's patterns, a parameter's pattern checked with its value in `params`. */
export function patternErrors(
  data: Readonly<Record<string, unknown>>,
  file: string,
  locate: (keys: readonly (string | number)[]) => { line: number; column: number },
): RuleFileError[] {
  const params = (data.params as Record<string, unknown> | undefined) ?? {};
  const errors: RuleFileError[] = [];
  for (const pattern of rulePatterns(data)) {
    if (pattern.dynamic) {
      errors.push({ file, ...locate(pattern.path), code: 'rule-pattern-dynamic' });
      continue;
    }
    const fromParam = pattern.param !== undefined;
    if (fromParam && !Object.hasOwn(params, pattern.param!)) continue; // the loader's rule-unknown-param says so
    const text = fromParam ? String(params[pattern.param!]) : pattern.text!;
    const problem = patternProblem(text);
    if (problem) errors.push({ file, ...locate(fromParam ? ['params', pattern.param!] : pattern.path), code: problem.code, value: text, params: { pattern: text, fragment: problem.fragment } });
  }
  return errors;
}

/** The names of a rule's parameters used as patterns (a `--config` value for them is checked like the rule's). */
export function patternParams(data: Readonly<Record<string, unknown>>): Set<string> {
  return new Set([...rulePatterns(data)].flatMap((pattern) => (pattern.param === undefined ? [] : [pattern.param])));
}
