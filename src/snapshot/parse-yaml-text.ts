import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { shownText } from './shown-text.js';
import type { SourcePosition } from './snapshot-types.js';

/** A syntax error of a YAML or JSON text: where, yaml's code (or vigie's), what the message needs, the text there. */
export interface YamlSyntaxError {
  readonly position: SourcePosition;
  /** yaml's error code (`MISSING_CHAR`, `DUPLICATE_KEY`…), or `TOO_DEEP`, `BAD_ALIAS`, `ALIAS_COUNT`. */
  readonly reason: string;
  /** For `DUPLICATE_KEY`: the key and the line of its first occurrence. */
  readonly params?: Readonly<Record<string, string | number>>;
  /** What the error is about as written: the key, the alias, or the line. */
  readonly value?: string;
}

/** A YAML or JSON text parsed with positions (YAML is a JSON superset: one parser serves both). */
export interface YamlText {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Syntax errors with 1-based positions, in the order of the text. */
  readonly syntaxErrors: readonly YamlSyntaxError[];
}

/** yaml's limit on alias expansions, its default: a « billion laughs » file is refused, ordinary anchors pass. */
const MAX_ALIAS_COUNT = 100;

/** Parses text with yaml's core schema (unquoted dates stay strings) and a line counter; aliases are replaced by what they name. */
export function parseYamlText(written: string): YamlText {
  // CR alone ends a line as in YAML's own rules, but yaml reads only LF and CRLF: one character for one, offsets stay true.
  const text = /\r(?!\n)/.test(written) ? written.replace(/\r(?!\n)/g, '\n') : written;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const lineText = (offset: number): string => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.slice(start).search(/\r?\n|\r/);
    return shownText(text.slice(start, end === -1 ? undefined : start + end).trimEnd());
  };
  const duplicates = document.errors.some((error) => error.code === 'DUPLICATE_KEY') ? duplicateKeys(document) : new Map<number, DuplicateKey>();
  const syntaxErrors: YamlSyntaxError[] = [];
  let tooDeep = false;
  for (const error of document.errors) {
    // A text nested too deep for the parser: one error in words, not one per level in yaml's code.
    if (error.code === 'RESOURCE_EXHAUSTION') {
      // Where the parser gave up depends on its stack: the run of brackets it stood in is where the nesting starts.
      const start = nestingStart(text, error.pos[0]);
      if (!tooDeep) syntaxErrors.push({ position: at(start), reason: 'TOO_DEEP', value: lineText(start) });
      tooDeep = true;
      continue;
    }
    const duplicate = error.code === 'DUPLICATE_KEY' ? duplicates.get(error.pos[0]) : undefined;
    if (duplicate) syntaxErrors.push({ position: at(error.pos[0]), reason: error.code, params: { key: duplicate.key, firstLine: at(duplicate.first).line }, value: duplicate.written });
    else syntaxErrors.push({ position: at(error.pos[0]), reason: error.code, value: lineText(error.pos[0]) });
  }
  if (syntaxErrors.length === 0) {
    const alias = resolveAliases(document);
    if (alias) syntaxErrors.push({ position: at(alias.node.range?.[0] ?? 0), reason: alias.reason, value: `*${alias.node.source}` });
  }
  syntaxErrors.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  return { document, lineCounter, syntaxErrors };
}

/** The first of the opening brackets (and blanks between them) that run up to `offset`. */
function nestingStart(text: string, offset: number): number {
  let start = Math.min(offset, text.length);
  while (start > 0 && '[{ \t,'.includes(text[start - 1])) start--;
  while (start < offset && (text[start] === ' ' || text[start] === '\t' || text[start] === ',')) start++;
  return start;
}

/** A key written twice in one map: its name, as written, and where it was first written. */
interface DuplicateKey {
  readonly key: string;
  readonly written: string;
  readonly first: number;
}

/** The keys written a second time in their map, by the offset of that second key. */
function duplicateKeys(document: Document.Parsed): Map<number, DuplicateKey> {
  const duplicates = new Map<number, DuplicateKey>();
  visit(document, {
    Map(_, map) {
      const firsts = new Map<unknown, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? -1) : -1;
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, offset);
        else if (offset !== -1) duplicates.set(offset, { key: String(key), written: (isScalar(pair.key) ? pair.key.source : undefined) ?? String(key), first });
      }
    },
  });
  return duplicates;
}

/**
 * Replaces each alias by a copy of the node its anchor names, so that readers see plain values
 * (positions are the anchored value's, where it is written). An alias without anchor, or
 * aliases expanded more than yaml allows (an alias bomb), are refused: the alias is returned.
 */
function resolveAliases(document: Document.Parsed): { readonly node: Alias; readonly reason: 'BAD_ALIAS' | 'ALIAS_COUNT' } | undefined {
  let first: Alias | undefined;
  let unresolved: Alias | undefined;
  visit(document, {
    Alias(_, node) {
      first ??= node;
      if (node.resolve(document) !== undefined) return undefined;
      unresolved = node;
      return visit.BREAK;
    },
  });
  if (unresolved) return { node: unresolved, reason: 'BAD_ALIAS' };
  if (!first) return undefined;
  try {
    // yaml counts the expansions while building the data, so that a bomb stops before it explodes.
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { node: first, reason: 'ALIAS_COUNT' };
  }
  // A copy is visited in turn: the aliases it holds are replaced too, within the count just checked.
  visit(document, { Alias: (_, node) => node.resolve(document)!.clone() as Node });
  return undefined;
}

/** Where a node starts (1-based line and column). */
export function positionOf(source: YamlText, node: unknown): SourcePosition | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const { line, col } = source.lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

/** The value node at a key path, and the key node that names it when it sits in a map. */
export function nodeAt(source: YamlText, path: readonly (string | number)[]): { readonly node: unknown; readonly key?: unknown } | undefined {
  let node: unknown = source.document.contents;
  let key: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) return undefined;
      key = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      if (segment < 0 || segment >= node.items.length) return undefined;
      key = undefined;
      node = node.items[segment];
    } else return undefined;
  }
  return { node, key };
}

/** The text of a scalar as written in the file (`0123`, not 123); a list or an object in JSON, cut to what an error shows. */
export function writtenText(node: unknown): string | undefined {
  if (isMap(node) || isSeq(node)) return shownText(String(node));
  if (!isScalar(node)) return undefined;
  return node.source ?? (node.value === null || node.value === undefined ? undefined : String(node.value));
}

