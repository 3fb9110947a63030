import { relative } from 'node:path';
import type { ErrorObject } from 'ajv';
import { FILE_LIMITS, readBoundedText, type ReadProblem } from '../util/read-bounded-text.js';
import { instancePathToKeys, parseYamlSource } from '../util/yaml-source.js';
import type { RuleFileError } from './rule-error.js';

/** Finds the line and column of the value at a key path. */
export type Locate = (keys: readonly (string | number)[]) => { line: number; column: number };

/** A parsed YAML file: its data and where each value is written. */
export interface ParsedYaml {
  readonly data: unknown;
  readonly locate: Locate;
}

/** Paths in messages are relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath.startsWith('..') ? path : relativePath;
}

/** The params of a read problem, as {@link detailText} words them. */
export function problemParams(problem: ReadProblem): Record<string, string | number> {
  return Object.fromEntries(Object.entries(problem).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
}

/** The text of a file of at most `limit` bytes; when it cannot be read, records why (at 1:1) and returns undefined. */
export function readText(path: string, errors: RuleFileError[], limit: number = FILE_LIMITS.rule, code = 'rule-unreadable'): string | undefined {
  const read = readBoundedText(path, limit);
  if ('text' in read) return read.text;
  errors.push({ file: displayPath(path), line: 1, column: 1, code, params: problemParams(read.problem) });
  return undefined;
}

/** Reads and parses a YAML file of at most `limit` bytes; on failure records the errors and returns undefined. */
export function readYaml(path: string, errors: RuleFileError[], limit: number = FILE_LIMITS.rule): ParsedYaml | undefined {
  const text = readText(path, errors, limit);
  return text === undefined ? undefined : parseYaml(displayPath(path), text, errors);
}

/** Parses YAML text; on syntax errors records them (position and yaml's code) and returns undefined. */
export function parseYaml(file: string, text: string, errors: RuleFileError[]): ParsedYaml | undefined {
  const source = parseYamlSource(text);
  if (source.syntaxErrors.length > 0) {
    for (const syntax of source.syntaxErrors) {
      errors.push({ file, line: syntax.line, column: syntax.column, code: 'rule-yaml-syntax', params: { reason: syntax.code } });
    }
    return undefined;
  }
  try {
    return { data: source.document.toJS(), locate: source.locate };
  } catch (error) {
    // yaml finds an alias without anchor, or aliases expanded too far, only while building the data.
    errors.push({ file, ...aliasPlace(text, (error as Error).message), code: 'rule-yaml-syntax', params: { reason: /excessive alias count/i.test((error as Error).message) ? 'RESOURCE_EXHAUSTION' : 'BAD_ALIAS' } });
    return undefined;
  }
}

/** Where the alias yaml refused stands (`*name`, the name ending its message), or the first alias of the text. */
function aliasPlace(text: string, message: string): { line: number; column: number } {
  const name = /: ([^\s:]+)$/.exec(message)?.[1];
  let offset = name === undefined ? -1 : text.search(new RegExp(`\\*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
  if (offset < 0) offset = Math.max(0, text.search(/\*[\w-]/));
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The value at a key path of plain data, when it is a scalar (shown next to the error). */
function scalarAt(data: unknown, keys: readonly (string | number)[]): string | undefined {
  let value = data;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined;
}

function expectedOf(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  if (Array.isArray(params.allowedValues)) return params.allowedValues.join(', ');
  if (params.type !== undefined) return Array.isArray(params.type) ? params.type.join(',') : String(params.type);
  for (const name of ['pattern', 'format', 'limit', 'allowedValue'] as const) if (params[name] !== undefined) return String(params[name]);
  return undefined;
}

/** Converts ajv errors to positioned errors whose params name the keyword, the key and what was expected; `data` gives the offending value. */
export function pushSchemaErrors(ajvErrors: readonly ErrorObject[], file: string, locate: Locate, code: string, errors: RuleFileError[], data?: unknown): void {
  const seen = new Set<string>();
  for (const error of ajvErrors) {
    // anyOf branches repeat the same failure many times; keep the most telling one per place.
    if (error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const keys = instancePathToKeys(error.instancePath);
    const params = error.params as { additionalProperty?: string; missingProperty?: string };
    const named = params.additionalProperty ?? params.missingProperty;
    const key = named ?? [...keys].reverse().find((segment) => typeof segment === 'string') ?? '';
    const position = locate(params.additionalProperty === undefined ? keys : [...keys, params.additionalProperty]);
    const dedupe = `${position.line}:${position.column}:${error.keyword}:${key}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const expected = expectedOf(error);
    const value = named === undefined ? scalarAt(data, keys) : undefined;
    errors.push({
      file,
      ...position,
      code,
      params: { keyword: error.keyword, key: String(key), ...(expected === undefined ? {} : { expected }) },
      ...(value === undefined ? {} : { value }),
    });
  }
}
