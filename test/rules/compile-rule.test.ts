import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readLaterPart } from '../../src/engine/evaluate.js';
import { resolveParams } from '../../src/engine/rules-engine.js';
import { ACTIVE_AT_FIELDS } from '../../src/facts/where.js';
import { compiledRule } from '../../src/rules/compile-rule.js';
import { conditionReads } from '../../src/rules/condition-types.js';
import { columnsOfFacts } from '../../src/rules/fact-columns.js';
import { BUNDLED_RULES, loadRules, type SharedFacts } from '../../src/rules/load-rules.js';
import { applicabilitiesOf } from '../../src/rules/rule-definition.js';
import type { FactDefinition, Rule } from '../../src/rules/rule-types.js';
import { datesRead } from '../../src/stream/stream-pass.js';
import { workerLoad } from '../../src/split-reading/worker-load.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { isTableName, STREAMED_SOURCES } from '../../src/snapshot/table-schemas.js';
import { chooseAsOf } from '../../src/util/as-of.js';

// The compile step (src/rules/compile-rule.ts) replaces regular expressions over the rules'
// JSON text. The regex-based computations are copied here as the reference: for every bundled
// rule the compiled analysis must say the same.

const compiled = suite('compiled rules');
const { rules, shared, errors } = loadRules([BUNDLED_RULES], undefined);

/** evaluate.ts readsOwnRecords, before the compile step. */
function regexReadsOwnRecords(definition: FactDefinition): boolean {
  return typeof definition.from !== 'string' && ['count', 'count_distinct', 'exists', 'first', 'values', 'min', 'max'].some((kind) => kind in definition);
}

const regexIsStreamFact = (definition: FactDefinition) => typeof definition.from === 'string' && STREAMED_SOURCES.has(definition.from);

/** reads-streams.ts readsStreams. */
const regexReadsStreams = (rule: Rule) => STREAMED_SOURCES.has(rule.for_each.from) || Object.values(rule.facts).some(regexIsStreamFact);

/** worker-load.ts workerLoad: the tables (`from` anywhere) and every word of what the worker evaluates. */
function regexWorkerLoad(streamRules: readonly Rule[], sharedFacts: SharedFacts): { tables: string[]; columns: Set<string> } {
  const tables = new Set<string>(['traces']);
  for (const rule of streamRules) for (const table of [...(rule.needs.tables ?? []), ...(rule.needs.optional_tables ?? [])]) tables.add(table);
  for (const match of JSON.stringify(streamRules).matchAll(/"from":"(\w+)"/g)) tables.add(match[1]);
  for (const match of JSON.stringify(sharedFacts.facts).matchAll(/"from":"(\w+)"/g)) if (isTableName(match[1])) tables.add(match[1]);
  const text = JSON.stringify([streamRules.map((rule) => [rule.needs, rule.for_each, rule.facts, rule.params, applicabilitiesOf(rule).map((applicability) => applicability.conditions), rule.evaluable_when?.conditions, rule.conditions, rule.subject]), sharedFacts]);
  const columns = new Set<string>(ACTIVE_AT_FIELDS);
  for (const match of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) columns.add(match[0]);
  return { tables: [...tables], columns };
}

/** stream-pass.ts datesRead: every `X_date` word of the definitions' text. */
function regexDatesRead(definitions: readonly FactDefinition[]): string[] {
  const names = new Set<string>();
  for (const definition of definitions) for (const match of JSON.stringify(definition).matchAll(/\b([a-z][a-z0-9_]*)_date\b/g)) names.add(match[0]);
  return [...names].sort();
}

/** evaluate.ts staticFactsOf's conditions (a fact that fails when computed is left out at run time, as before). */
function regexStaticFacts(rule: Rule): string[] {
  const names = new Set(Object.keys(rule.facts));
  const facts = new Set<string>();
  for (const [name, definition] of Object.entries(rule.facts)) {
    const text = JSON.stringify(definition);
    if (regexIsStreamFact(definition) || /\$(record|subject|row)\b/.test(text)) continue;
    if (regexReadsOwnRecords(definition)) continue;
    const references = [...text.matchAll(/"\$(\w+)/g)].map((match) => match[1]);
    if (references.some((reference) => names.has(reference) && !facts.has(reference))) continue;
    facts.add(name);
  }
  return [...facts];
}

/** evaluate.ts recordFieldsRead. */
function regexRecordFieldsRead(rule: Rule): string[] | undefined {
  const inputs = conditionReads(resolveParams(rule.conditions, rule.params));
  const fields = new Set<string>();
  for (const definition of Object.values(rule.facts)) if (regexReadsOwnRecords(definition)) return undefined;
  for (const match of JSON.stringify(rule.facts).matchAll(/\$record\.(\w+)/g)) fields.add(match[1]);
  for (const input of inputs) {
    if (input.fact !== 'record') continue;
    if (!input.path) return undefined;
    fields.add(input.path.slice(2).split('.')[0]);
  }
  return [...fields].sort();
}

/**
 * evaluateRule's readsSubject, but for one false positive the compile step does not share: a
 * where field named `subject` (GOV-MODE-CHANGE-WITHOUT-AMENDMENT's amendments) is not the subject.
 */
const regexReadsSubject = (rule: Rule) => /\$subject\b|"subject"(?!:)/.test(JSON.stringify([rule.facts, resolveParams(rule.conditions, rule.params)]));
const regexReadsSubjectAsToday = (rule: Rule) => /\$subject\b|"subject"/.test(JSON.stringify([rule.facts, resolveParams(rule.conditions, rule.params)]));

/** worker-load.ts: the tables of one rule (`from` anywhere in it, its needs). */
function regexTables(rule: Rule): string[] {
  const tables = new Set<string>([...(rule.needs.tables ?? []), ...(rule.needs.optional_tables ?? [])]);
  for (const match of JSON.stringify(rule).matchAll(/"from":"(\w+)"/g)) tables.add(match[1]);
  return [...tables].sort();
}

/** worker-load.ts: the columns of one rule, every word of what the worker evaluates (a superset). */
function regexColumns(rule: Rule): Set<string> {
  const text = JSON.stringify([rule.needs, rule.for_each, rule.facts, rule.params, applicabilitiesOf(rule).map((applicability) => applicability.conditions), rule.evaluable_when?.conditions, rule.conditions, rule.subject]);
  return new Set([...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((match) => match[0]));
}

compiled('the bundled rules load', () => {
  assert.equal(errors, []);
  assert.ok(rules.length > 40);
});

compiled('static facts, record fields read, subject read, streams read: as the regular expressions found them', () => {
  for (const rule of rules) {
    const analysis = rule.compiled;
    assert.equal(analysis.staticFacts.map((fact) => fact.name), regexStaticFacts(rule), `${rule.id} static facts`);
    assert.equal(analysis.recordFieldsRead, regexRecordFieldsRead(rule), `${rule.id} record fields`);
    assert.is(analysis.readsSubject, regexReadsSubject(rule), `${rule.id} subject`);
    assert.is(analysis.readsStreams, regexReadsStreams(rule), `${rule.id} streams`);
    for (const fact of analysis.facts) {
      assert.is(fact.streamed, regexIsStreamFact(fact.definition), `${rule.id} ${fact.name} streamed`);
      assert.is(fact.ownRecords, regexReadsOwnRecords(fact.definition), `${rule.id} ${fact.name} own records`);
    }
  }
});

compiled('the subject: only the rules reading amendments by their where field `subject` were taken to read it', () => {
  const differ = rules.filter((rule) => rule.compiled.readsSubject !== regexReadsSubjectAsToday(rule)).map((rule) => rule.id);
  assert.equal(differ, ['GOV-MODE-CHANGE-WITHOUT-AMENDMENT', 'HAB-CENTRALISED-GRANT-BY-PARTNER']);
});

compiled('tables: those of the worker load; columns: within its superset (with the timestamps of X_date)', () => {
  for (const rule of rules) {
    assert.equal(rule.compiled.tables, regexTables(rule), `${rule.id} tables`);
    const superset = regexColumns(rule);
    const outside = rule.compiled.columns.filter((column) => !superset.has(column) && !superset.has(`${column}_date`));
    assert.equal(outside, [], `${rule.id} columns`);
  }
});

compiled('the analysis is the same whether the rule came from the cache or from its file', () => {
  const entries = new Map<string, unknown>();
  const miss = loadRules([BUNDLED_RULES], { get: () => undefined, set: (fingerprint, data) => void entries.set(fingerprint, structuredClone(data)) });
  const hit = loadRules([BUNDLED_RULES], { get: (fingerprint) => structuredClone(entries.get(fingerprint)) });
  assert.ok(entries.size > rules.length);
  assert.equal(hit.rules.map((rule) => rule.compiled), miss.rules.map((rule) => rule.compiled));
  assert.equal(hit.rules.map((rule) => rule.compiled.facts.map(({ definition, ...fact }) => fact)), miss.rules.map((rule) => rule.compiled.facts.map(({ definition, ...fact }) => fact)));
});

compiled('the analysis is left out of the JSON of a rule, and a rule rebuilt with other facts is analysed again', () => {
  const rule = rules.find((candidate) => candidate.id === 'HAB-UNUSED')!;
  assert.not.ok(JSON.stringify(rule).includes('compiled'));
  assert.is(compiledRule(rule), rule.compiled);
  assert.is(compiledRule({ ...rule, params: {} }), rule.compiled);
  const facts = { ...rule.facts, extra: { value: '$record.user_id' } };
  assert.ok(compiledRule({ ...rule, facts }).facts.some((fact) => fact.name === 'extra'));
});

compiled('the X_date fields a streamed fact reads: those of its text', () => {
  for (const rule of rules) {
    for (const fact of rule.compiled.facts.filter((candidate) => candidate.streamed)) {
      assert.equal(datesRead([fact.definition]).map(([name]) => name).sort(), regexDatesRead([fact.definition]), `${rule.id} ${fact.name}`);
    }
  }
});

compiled('the worker loads the tables the regular expression found', () => {
  const streamRules = rules.filter(regexReadsStreams);
  assert.equal(new Set(workerLoad(streamRules, shared).tables), new Set(regexWorkerLoad(streamRules, shared).tables));
});

/** The columns the worker would load from the compiled analysis. */
function compiledColumns(streamRules: readonly Rule[], sharedFacts: SharedFacts): Set<string> {
  const columns = new Set<string>(ACTIVE_AT_FIELDS);
  for (const rule of streamRules) for (const column of rule.compiled.columns) columns.add(column);
  for (const column of columnsOfFacts(sharedFacts.facts)) columns.add(column);
  return columns;
}

for (const sample of ['samples/ca2c-2023', 'samples/exemple-conforme']) {
  compiled(`${sample}: the worker's part of the traces is the same with only the compiled columns`, async () => {
    const streamRules = rules.filter(regexReadsStreams);
    const { tables, columns } = regexWorkerLoad(streamRules, shared);
    const narrow = compiledColumns(streamRules, shared);
    assert.ok(narrow.size < columns.size, `${narrow.size} columns instead of ${columns.size}`);
    const parts = [];
    for (const load of [columns, narrow]) {
      const loaded = await loadSnapshot(sample, { lenient: false, tables, columns: load });
      const snapshot = loaded.snapshot!;
      const options = { asOf: chooseAsOf(undefined, snapshot.partner.data.extracted_on), lang: 'fr' as const, lenient: false };
      parts.push(await readLaterPart(snapshot, streamRules, shared, options, { start: 0, line: 1 }));
    }
    assert.equal(parts[1], parts[0]);
  });
}

compiled.run();
