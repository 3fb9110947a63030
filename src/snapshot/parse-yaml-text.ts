import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { SourcePosition } from './snapshot-types.js';

/** A YAML or JSON text parsed with positions (YAML is a JSON superset: one parser serves both). */
export interface YamlText {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Syntax errors with 1-based positions and yaml's error code (`MISSING_CHAR`, `DUPLICATE_KEY`…). */
  readonly syntaxErrors: readonly { readonly position: SourcePosition; readonly reason: string }[];
}

/** Parses text with yaml's core schema (unquoted dates stay strings) and a line counter. */
export function parseYamlText(text: string): YamlText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = document.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { position: { line, column: col }, reason: error.code };
  });
  return { document, lineCounter, syntaxErrors };
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

/** The text of a scalar as written in the file (`0123`, not 123). */
export function writtenText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return node.source ?? (node.value === null || node.value === undefined ? undefined : String(node.value));
}

