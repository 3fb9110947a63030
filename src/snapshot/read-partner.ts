import { isMap, isNode, isScalar, isSeq } from 'yaml';
import { closestName } from './closest-name.js';
import { compileConverter, convertTypedValue } from './compile-converter.js';
import type { LoadCollector } from './load-collector.js';
import { nodeAt, positionOf, writtenText, type YamlText } from './parse-yaml-text.js';
import { ValueFailure } from './parse-values.js';
import { compileSchemaValidator, type SchemaValidator } from './schema-validator.js';
import type { InputError, PartnerDocument, SourcePosition } from './snapshot-types.js';
import { loadPartnerSchema, resolveRef, type JsonSchema } from './table-schemas.js';

type KeyPath = readonly (string | number)[];

let validatePartner: SchemaValidator | undefined;

/** Converts partner nodes along the partner schema, collecting conversion errors. */
class PartnerConverter {
  readonly errors: InputError[] = [];
  /** Keys the schema does not know, each with the known key it is close to. */
  readonly warnings: InputError[] = [];
  /** Key paths whose value did not convert: the schema validation does not report them again. */
  readonly failedPaths = new Set<string>();

  constructor(
    private readonly source: YamlText,
    private readonly file: string,
    private readonly root: JsonSchema,
  ) {}

  convert(node: unknown, schema: JsonSchema | undefined, path: KeyPath): unknown {
    const resolved = schema && resolveRef(this.root, schema);
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)));
      node.items.forEach((pair, index) => {
        const key = keys[index];
        const known = resolved?.properties?.[key];
        if (resolved?.properties && !known) this.unknownKey(pair.key, key, path, resolved.properties, keys);
        const value = this.convert(pair.value, known, [...path, key]);
        if (value !== undefined) result[key] = value;
      });
      return result;
    }
    if (isSeq(node)) return node.items.map((item, index) => this.convert(item, resolved?.items, [...path, index]));
    const raw = isScalar(node) ? node.value : isNode(node) ? node.toJSON() : node;
    // Keys the schema does not know are kept as written; null means "explicitly none".
    if (!resolved || raw === null || raw === undefined) return raw ?? null;
    const value = convertTypedValue(resolved, compileConverter(resolved), raw, writtenText(node));
    if (!(value instanceof ValueFailure)) return value;
    const at = positionOf(this.source, node) ?? { line: 1, column: 1 };
    const error = { file: this.file, ...at, code: value.code, params: { key: path.join('.'), ...value.params } };
    const written = writtenText(node);
    this.errors.push(written === undefined ? error : { ...error, value: written });
    this.failedPaths.add(path.join('.'));
    return undefined;
  }

  /** A key its map's schema does not list: kept as written, and said with the sibling key it is close to. */
  unknownKey(node: unknown, key: string, path: KeyPath, properties: Readonly<Record<string, JsonSchema>>, present: readonly string[]): void {
    const candidates = Object.entries(properties)
      .filter(([name]) => !present.includes(name))
      .flatMap(([name, property]) => [...(property['x-aliases'] ?? []), name].map((written) => ({ name: written, target: name })));
    const near = closestName(key, candidates);
    const at = positionOf(this.source, node) ?? { line: 1, column: 1 };
    const params = { key: [...path, key].join('.'), ...(near ? { suggestion: near.target } : {}) };
    this.warnings.push({ file: this.file, ...at, code: 'unknown-key', value: key, params });
  }
}

/** Reads and checks the partner declarations; their errors fail the load even when lenient. */
export function readPartner(source: YamlText, file: string, collector: LoadCollector, tableKeys: ReadonlySet<string> = new Set()): PartnerDocument | undefined {
  const contents = source.document.contents;
  const start = positionOf(source, contents) ?? { line: 1, column: 1 };
  if (!isMap(contents)) {
    collector.fileError({ file, ...start, code: 'not-an-object', params: {} });
    return undefined;
  }
  const schema = loadPartnerSchema();
  const converter = new PartnerConverter(source, file, schema);
  const data: Record<string, unknown> = {};
  const keys = contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)));
  contents.items.forEach((pair, index) => {
    const key = keys[index];
    if (tableKeys.has(key)) return;
    const known = schema.properties?.[key];
    if (!known) converter.unknownKey(pair.key, key, [], schema.properties ?? {}, keys);
    const value = converter.convert(pair.value, known, [key]);
    if (value !== undefined) data[key] = value;
  });
  for (const warning of converter.warnings) collector.warning(warning);
  validatePartner ??= compileSchemaValidator(schema);
  const errors = [...converter.errors];
  for (const issue of validatePartner(data)) {
    const key = issue.path.join('.');
    if (converter.failedPaths.has(key)) continue;
    // A missing key is shown at the key of its parent (`partner:` when `partner.name` is missing).
    const at = issue.code === 'required' ? locateKey(source, issue.path.slice(0, -1)) : locateValue(source, issue.path);
    const error = { file, ...(at ?? start), code: issue.code, params: { key, ...issue.params } };
    const written = issue.code === 'required' ? undefined : writtenText(nodeAt(source, issue.path)?.node);
    errors.push(written === undefined ? error : { ...error, value: written });
  }
  for (const error of errors) collector.fileError(error);
  if (errors.length > 0) return undefined;
  return { file, data, locate: (path) => locateKey(source, path) };
}

function locateValue(source: YamlText, path: KeyPath): SourcePosition | undefined {
  const found = nodeAt(source, path);
  return found && (positionOf(source, found.node) ?? positionOf(source, found.key));
}

/** Where a key path is written: its key in a map, or the item itself in a list. */
function locateKey(source: YamlText, path: KeyPath): SourcePosition | undefined {
  const found = nodeAt(source, path);
  return found && (positionOf(source, found.key) ?? positionOf(source, found.node));
}

