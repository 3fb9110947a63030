import { Operator } from 'json-rules-engine';
import { rulePattern } from '../rules/compile-regex.js';
import { normalizeText } from '../util/text.js';

/** Operators added to json-rules-engine; an absent side never satisfies a comparison, so "before" on a missing date is false rather than an accident of coercion. */
export const OPERATOR_EVALUATORS: Readonly<Record<string, (factValue: unknown, compareTo: unknown) => boolean>> = {
  dateBefore: (a, b) => bothComparable(a, b) && (a as string) < (b as string),
  dateOnOrBefore: (a, b) => bothComparable(a, b) && (a as string) <= (b as string),
  dateAfter: (a, b) => bothComparable(a, b) && (a as string) > (b as string),
  dateOnOrAfter: (a, b) => bothComparable(a, b) && (a as string) >= (b as string),
  isPresent: (a, expected) => (a !== undefined && a !== null && a !== '') === (expected !== false),
  isAbsent: (a, expected) => (a === undefined || a === null || a === '') === (expected !== false),
  // RE2, compiled once per pattern text (the loader refused those it cannot compile).
  matchesPattern: (a, pattern) => typeof a === 'string' && rulePattern(String(pattern)).test(a),
  notMatchesPattern: (a, pattern) => typeof a !== 'string' || !rulePattern(String(pattern)).test(a),
  inText: (a, list) => a !== undefined && a !== null && textList(list).includes(normalizeText(a)),
  notInText: (a, list) => a !== undefined && a !== null && !textList(list).includes(normalizeText(a)),
  passesLuhn: (a, expected) => passesLuhn(a) === (expected !== false),
};

/** The evaluators above as json-rules-engine operators. */
export const CUSTOM_OPERATORS: readonly Operator[] = Object.entries(OPERATOR_EVALUATORS).map(
  ([name, evaluate]) => new Operator(name, evaluate),
);

function bothComparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'string' && typeof b === 'string' && a !== '' && b !== '') || (typeof a === 'number' && typeof b === 'number');
}

function textList(list: unknown): string[] {
  return (Array.isArray(list) ? list : [list]).filter((item) => item !== undefined && item !== null).map(normalizeText);
}

/** The Luhn checksum used by SIREN/SIRET numbers; anything but digits fails. */
export function passesLuhn(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let digit = value.charCodeAt(value.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
