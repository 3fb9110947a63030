import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { FACT_KIND_KEYS, FACT_KINDS, factKind, kindsNamed } from '../../src/rules/fact-kinds.js';
import { formatRuleFileError } from '../../src/rules/rule-error.js';

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

kinds.run();
