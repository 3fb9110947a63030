import { normalizeHeader } from './normalize-header.js';
import { checkInteger, checkNumber, parseBoolean, parseDate, parseInteger, parseNumber, parseTimestamp, ValueFailure } from './parse-values.js';
import { codePointName, controlIndex } from './control-characters.js';
import type { JsonSchema } from './table-schemas.js';

/** Turns the (trimmed, non-empty) text of a value into its canonical form, or a {@link ValueFailure}. */
export type Converter = (text: string) => unknown;

function typesOf(schema: JsonSchema): readonly string[] {
  if (schema.type === undefined) return [];
  return typeof schema.type === 'string' ? [schema.type] : schema.type;
}

function enumConverter(codes: readonly string[], labels: Readonly<Record<string, readonly string[]>>): Converter {
  const byLabel = new Map<string, string>();
  for (const code of codes) {
    byLabel.set(normalizeHeader(code), code);
    for (const label of labels[code] ?? []) byLabel.set(normalizeHeader(label), code);
  }
  // The labels are listed too: a user writes them as often as the codes.
  const spellings = codes.flatMap((code) => labels[code] ?? []);
  const unknown = new ValueFailure('unknown-value', { expected: codes.join(', '), ...(spellings.length > 0 ? { labels: spellings.join(', ') } : {}) });
  // A column of labels repeats a few texts: each is normalised once (bounded, for columns of wrong values).
  const seen = new Map<string, string | ValueFailure>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      value = byLabel.get(normalizeHeader(text)) ?? unknown;
      if (seen.size < 1000) seen.set(text, value);
    }
    return value;
  };
}

const asText: Converter = (text) => text;

/** The converter a property schema calls for, compiled once per column so that per-row work stays one call. */
export function compileConverter(schema: JsonSchema): Converter {
  const types = typesOf(schema);
  if (schema['x-format'] === 'date') return parseDate;
  if (schema['x-format'] === 'timestamp') return parseTimestamp;
  // null in an enum allows "explicitly none", which is no text to convert.
  if (schema.enum) return enumConverter(schema.enum.filter((code): code is string => code !== null), schema['x-labels'] ?? {});
  if (types.includes('boolean')) return parseBoolean;
  if (types.includes('number')) return parseNumber;
  if (types.includes('integer')) return parseInteger;
  return asText;
}

/** Converts an already typed JSON/YAML value: an unquoted SIRET number becomes its digits. */
export function convertTypedValue(schema: JsonSchema, convert: Converter, value: unknown, written: string | undefined): unknown {
  if (typeof value === 'string') {
    // A NUL or another control in a JSON or YAML string would change an id unseen, as in a CSV cell.
    const control = controlIndex(value);
    if (control !== -1) return new ValueFailure('control-character', { character: codePointName(value, control) });
    const trimmed = value.trim();
    return trimmed === '' ? undefined : convert(trimmed);
  }
  if (typeof value !== 'number' && typeof value !== 'boolean') return value;
  const types = typesOf(schema);
  if (typeof value === 'number' && schema['x-format'] === 'timestamp') return Number.isSafeInteger(value) ? value : new ValueFailure('invalid-timestamp');
  if (typeof value === 'number' && schema['x-format'] === undefined && types.includes('number')) return checkNumber(value);
  if (typeof value === 'number' && schema['x-format'] === undefined && types.includes('integer')) return checkInteger(value);
  if (typeof value === 'boolean' && types.includes('boolean')) return value;
  return convert(written ?? String(value));
}
