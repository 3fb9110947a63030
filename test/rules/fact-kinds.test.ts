import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { FACT_KIND_KEYS, FACT_KINDS, factKind, kindsNamed } from '../../src/rules/fact-kinds.js';
import { formatRuleFileError, type RuleFileError } from '../../src/rules/rule-error.js';

// A fact is of one kind: `count: true` beside `max: at` used to be read as a count over a held
// table and as a max over the traces. The loader refuses it where it is written.

const kinds = suite('fact kinds');

const schema = JSON.parse(readFileSync(new URL('../../schemas/rule.schema.json', import.meta.url), 'utf8')) as {
  definitions: { fact: { properties: Record<string, unknown> } };
};

kinds('the registry names every kind of the schema, and only those', () => {
  const modifiers = ['from', 'where', 'evidence', 'lookups'];
  const schemaKinds = Object.keys(schema.definitions.fact.properties).filter((key) => !modifiers.includes(key));
  assert.equal([...FACT_KIND_KEYS].sort(), schemaKinds.sort());
  assert.equal(FACT_KINDS.map(({ kind }) => kind).filter((kind) => kind === 'records'), ['records']);
  for (const info of FACT_KINDS) assert.ok(info.held || info.streamed, info.kind);
});

kinds('factKind: the one kind key, or a list of records', () => {
  assert.is(factKind({ from: 'users', count: true }), 'count');
  assert.is(factKind({ from: 'traces', where: {}, busiest_window: { order_by: 'at', within: 'PT1H' } }), 'busiest_window');
  assert.is(factKind({ value: null }), 'value');
  assert.is(factKind({ from: 'users', where: { role: 'admin' } }), 'records');
  assert.equal(kindsNamed({ from: 'traces', count: true, max: 'at' }), ['count', 'max']);
});

kinds('every bundled fact names at most one kind', () => {
  const { rules, shared, errors } = loadRules([BUNDLED_RULES], undefined);
  assert.equal(errors, []);
  for (const definition of [...rules.flatMap((rule) => Object.values(rule.facts)), ...Object.values(shared.facts)]) {
    assert.ok(kindsNamed(definition).length <= 1, JSON.stringify(definition));
  }
});

kinds('a fact naming two kinds is an error at its place, in French and in English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-fact-kinds-'));
  try {
    const text = readFileSync(join(BUNDLED_RULES, 'governance/GOV-ADMIN-MISSING.yaml'), 'utf8');
    const broken = text.replace('    count: true\n', '    count: true\n    max: role\n');
    assert.is.not(broken, text);
    writeFileSync(join(dir, 'GOV-ADMIN-MISSING.yaml'), broken);
    const { rules, errors } = loadRules([dir], undefined);
    assert.equal(rules, []);
    assert.is(errors.length, 1);
    const [error] = errors;
    const lines = broken.split('\n');
    const line = lines.indexOf('    from: contacts') + 1;
    assert.equal({ file: error.file.endsWith('GOV-ADMIN-MISSING.yaml'), line: error.line, column: error.column, code: error.code, value: error.value }, {
      file: true,
      line,
      column: 5,
      code: 'rule-fact-kinds',
      value: 'administrators',
    });
    assert.is(formatRuleFileError(error, 'fr'), "un fait n'est que d'une sorte (value, count, max…) ; celui-ci en nomme plusieurs : count, max");
    assert.is(formatRuleFileError(error, 'en'), 'a fact is of one kind only (value, count, max…); this one names several: count, max');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Loads a bundled rule with one line replaced; the single error it yields. */
function brokenRule(path: string, from: string, to: string): { error: RuleFileError; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-fact-source-'));
  try {
    const text = readFileSync(join(BUNDLED_RULES, path), 'utf8');
    const broken = text.replace(from, to);
    assert.is.not(broken, text);
    writeFileSync(join(dir, basename(path)), broken);
    const { rules, errors } = loadRules([dir], undefined);
    assert.equal(rules, []);
    assert.is(errors.length, 1);
    return { error: errors[0], lines: broken.split('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

kinds('an aggregate the traces cannot compute row by row is an error at its place, not a rule left unevaluated', () => {
  const { error, lines } = brokenRule('habilitations/HAB-UNUSED.yaml', '    where: {user_id: $record.user_id}\n    max: at_date', '    where: {user_id: $record.user_id}\n    count_distinct: at_date');
  assert.equal({ line: error.line, column: error.column, code: error.code, value: error.value }, { line: lines.indexOf('    count_distinct: at_date') + 1, column: '    count_distinct: '.length + 1, code: 'rule-fact-streamed', value: 'last_trace_on' });
  assert.is(formatRuleFileError(error, 'fr'), 'agrégat « count_distinct » impossible sur une table lue en flux (traces)');
  assert.is(formatRuleFileError(error, 'en'), 'aggregate « count_distinct » cannot be computed over a streamed table (traces)');
});

kinds('a sequence aggregate over a held table is an error at its place', () => {
  const { error, lines } = brokenRule('habilitations/HAB-ORIGIN-SWITCH.yaml', '  switches:\n    from: traces', '  switches:\n    from: users');
  assert.equal({ line: error.line, column: error.column, code: error.code, value: error.value }, { line: lines.findIndex((line) => line.startsWith('    close_pairs:')) + 1, column: '    close_pairs: '.length + 1, code: 'rule-fact-held', value: 'switches' });
  assert.is(formatRuleFileError(error, 'en'), 'aggregate « close_pairs » is computed only over a streamed table (traces)');
});

kinds.run();
