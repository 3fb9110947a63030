import { isTableName, loadPartnerSchema, loadTableSchema, resolveRef, type JsonSchema } from '../snapshot/table-schemas.js';
import type { RuleFileError } from './rule-error.js';

// Every placeholder of a rule's texts is resolved when the rule loads: a misspelt `{record.last_nmae}` would print « — » in every finding.

/** `for_each: partner`: the partner declarations as one record (src/facts/record-sources.ts, a layer above). */
const PARTNER_SOURCE = 'partner';

/** The placeholders render-template fills: `{a.b}`, `{a|b}`. */
const PLACEHOLDER = /\{([\w.|]+)\}/g;

interface Visible {
  readonly record: boolean;
  readonly subject: boolean;
  readonly matched: boolean;
  /** Only the shared facts, not the rule's own (decided before any of them is derived). */
  readonly sharedOnly?: true;
}

const FULL: Visible = { record: true, subject: true, matched: true };
const LABEL: Visible = { record: true, subject: true, matched: false };
/** `subject.id` names the subject: it is rendered before there is one. */
const SUBJECT_ID: Visible = { record: true, subject: false, matched: false };
/** `evaluable_when.otherwise` is rendered for the rule as a whole: its facts and parameters, no entity. */
const RULE_WIDE: Visible = { record: false, subject: false, matched: false };
/** `applies_when.otherwise` is rendered before the rule's facts exist (src/engine/preflight.ts): shared facts, parameters, partner keys. */
const APPLICABILITY: Visible = { record: false, subject: false, matched: false, sharedOnly: true };

/** What the loader knows besides the rule file: the shared facts and the reference data. */
export interface TemplateContext {
  readonly sharedFacts: readonly string[];
  readonly data: readonly string[];
}

type Locate = (keys: readonly (string | number)[]) => { line: number; column: number };

/** The located errors of the placeholders of a rule (data as validated by the schema; text the file's). */
export function templateErrors(data: Readonly<Record<string, unknown>>, context: TemplateContext, file: string, text: string, locate: Locate): RuleFileError[] {
  const errors: RuleFileError[] = [];
  const forEach = (data.for_each as { from: string; group_by?: readonly string[] } | undefined) ?? { from: PARTNER_SOURCE };
  const names = {
    facts: new Set([...Object.keys((data.facts as object) ?? {}), ...context.sharedFacts]),
    sharedFacts: new Set(context.sharedFacts),
    params: new Set(Object.keys((data.params as object) ?? {})),
    data: new Set(context.data),
    partner: new Set(Object.keys(loadPartnerSchema().properties ?? {})),
    record: forEach.group_by ? new Set(forEach.group_by) : recordFields(forEach.from),
    source: forEach.group_by ? `${forEach.from} (group_by)` : forEach.from,
  };
  const check = (path: (string | number)[], visible: Visible) => {
    const template = valueAt(data, path);
    if (typeof template !== 'string') return;
    for (const match of template.matchAll(PLACEHOLDER)) {
      const placeholder = match[0];
      for (const expression of match[1].split('|')) {
        const problem = placeholderProblem(expression, visible, names);
        if (problem) errors.push({ file, ...placeAt(text, locate(path), placeholder), code: problem.code, value: placeholder, params: { placeholder, name: problem.name, source: names.source } });
      }
    }
  };
  for (const lang of ['fr', 'en']) {
    check(['message', lang], FULL);
    check(['remediation', lang], FULL);
    for (const name of Object.keys((data.condition_labels as object) ?? {})) check(['condition_labels', name, lang], LABEL);
    check(['evaluable_when', 'otherwise', lang], RULE_WIDE);
    if (Array.isArray(data.applies_when)) for (const index of data.applies_when.keys()) check(['applies_when', index, 'otherwise', lang], APPLICABILITY);
    else check(['applies_when', 'otherwise', lang], APPLICABILITY);
  }
  check(['subject', 'id'], SUBJECT_ID);
  return errors;
}

interface Names {
  readonly facts: ReadonlySet<string>;
  readonly sharedFacts: ReadonlySet<string>;
  readonly params: ReadonlySet<string>;
  readonly data: ReadonlySet<string>;
  readonly partner: ReadonlySet<string>;
  readonly record: ReadonlySet<string> | undefined;
}

/** Why one path of a placeholder resolves to nothing, or undefined when it may have a value. */
function placeholderProblem(expression: string, visible: Visible, names: Names): { code: string; name: string } | undefined {
  const [root, next, ...rest] = expression.split('.');
  switch (root) {
    case 'matched':
      return visible.matched && next === undefined ? undefined : { code: 'rule-template-unknown', name: expression };
    case 'as_of':
      return next === undefined ? undefined : { code: 'rule-template-unknown', name: expression };
    case 'param':
    case 'params':
      return next === undefined || names.params.has(next) ? undefined : { code: 'rule-template-param', name: next };
    case 'data':
      return next === undefined || names.data.has(next) ? undefined : { code: 'rule-template-data', name: next };
    case 'subject':
      if (!visible.subject) return { code: 'rule-template-unknown', name: root };
      return next === undefined || ((next === 'type' || next === 'id') && rest.length === 0) ? undefined : { code: 'rule-template-subject', name: next };
    case 'record':
      if (!visible.record) return { code: 'rule-template-unknown', name: root };
      return next === undefined || names.record === undefined || fieldKnown(names.record, next) ? undefined : { code: 'rule-template-field', name: next };
  }
  // A fact of the rule or a shared one (own properties: `constructor` is nobody's name), else a partner.yaml key.
  if ((visible.sharedOnly ? names.sharedFacts : names.facts).has(root) || names.partner.has(root)) return undefined;
  return { code: 'rule-template-unknown', name: root };
}

/** A column, or `X_date` of a column X (the calendar date of an instant, src/facts/expressions.ts). */
function fieldKnown(fields: ReadonlySet<string>, field: string): boolean {
  return fields.has(field) || (field.endsWith('_date') && fields.has(field.slice(0, -'_date'.length)));
}

/** The fields a record of `from` has: a table's columns, a partner list's item keys, the partner keys; undefined when unknown. */
function recordFields(from: string): ReadonlySet<string> | undefined {
  if (isTableName(from)) return new Set(Object.keys(loadTableSchema(from).properties));
  const partner = loadPartnerSchema();
  if (from === PARTNER_SOURCE) return new Set(Object.keys(partner.properties ?? {}));
  const list = partner.properties?.[from];
  const items: JsonSchema | undefined = list?.items ? resolveRef(partner, list.items) : undefined;
  return items?.properties ? new Set(Object.keys(items.properties)) : undefined;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The placeholder's own position when it is written as is after the text's start (a quoted or plain scalar), else the text's. */
function placeAt(text: string, start: { line: number; column: number }, placeholder: string): { line: number; column: number } {
  const lines = text.split('\n');
  let offset = start.column - 1;
  for (let line = start.line - 1; line < lines.length; line++) {
    const at = lines[line].indexOf(placeholder, offset);
    if (at >= 0) return { line: line + 1, column: at + 1 };
    // A text spans a few lines at most: a placeholder farther away is another text's.
    if (line - start.line >= 8) break;
    offset = 0;
  }
  return start;
}
