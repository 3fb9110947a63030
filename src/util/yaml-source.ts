import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

/** A YAML (or JSON) text parsed with positions, so that errors can name line and column. */
export interface YamlSource {
  readonly document: Document.Parsed;
  /** Syntax errors, with 1-based positions and yaml's error code (`MISSING_CHAR`, `BAD_INDENT`…). */
  readonly syntaxErrors: readonly { line: number; column: number; message: string; code: string }[];
  /** The position of the node at a key path, falling back to the nearest parent that exists. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/** Parses YAML text keeping a line counter (yaml's `LineCounter`). Duplicate keys are errors. */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return { line: position.line, column: position.col, message: error.message.split('\n')[0], code: error.code };
  });
  const locate = (path: readonly (string | number)[]) => {
    for (let length = path.length; length >= 0; length--) {
      const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) {
        const position = lineCounter.linePos(node.range[0]);
        return { line: position.line, column: position.col };
      }
    }
    return { line: 1, column: 1 };
  };
  return { document, syntaxErrors, locate };
}

/** Turns an ajv `instancePath` (`/conditions/all/0`) into a key path. */
export function instancePathToKeys(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
