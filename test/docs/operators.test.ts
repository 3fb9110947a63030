import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine } from '../../src/engine/rules-engine.js';
import { compileFieldMatcher, fieldMatches } from '../../src/facts/where.js';
import { ROOT } from '../cli/run-cli.js';
import { codeName, RULES_DOC, tableAfter } from './rules-doc.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/rule.schema.json'), 'utf8')) as {
  definitions: {
    condition: { anyOf: [unknown, { properties: { operator: { enum: string[] } } }] };
    where: { properties: Record<string, unknown>; additionalProperties: { anyOf: [unknown, unknown, { properties: Record<string, unknown> }] } };
  };
};

/** The names in json-rules-engine's operator table of an engine (its `operators` map, read as the engine reads it). */
function operatorNames(engine: Engine): string[] {
  const map = (engine as unknown as { operators: { operators: Map<string, unknown> } }).operators.operators;
  return [...map.keys()].sort();
}

const sorted = (names: readonly string[]) => [...names].sort();

const conditions = suite('docs/RULES.md: condition operators');

const conditionRows = tableAfter('table: condition-operators').map((cells) => ({ name: codeName(cells[0]), from: cells[1] }));
// An engine as vigie makes them, with its operators registered, and a bare one for json-rules-engine's own.
const vigieEngine = operatorNames(createEngine({ all: [] }));
const ownOperators = operatorNames(new Engine());

conditions('the table lists the operators of an engine as vigie configures it', () => {
  assert.equal(sorted(conditionRows.map((row) => row.name)), vigieEngine);
  assert.is(new Set(conditionRows.map((row) => row.name)).size, conditionRows.length, 'an operator listed twice');
});

conditions('each operator is said to come from json-rules-engine or from vigie, rightly', () => {
  for (const row of conditionRows) assert.is(row.from, ownOperators.includes(row.name) ? 'json-rules-engine' : 'vigie', row.name);
  assert.ok(ownOperators.length > 0 && vigieEngine.length > ownOperators.length);
});

conditions("the rule schema's operator enum is the engine's operators", () => {
  assert.equal(sorted(schema.definitions.condition.anyOf[1].properties.operator.enum), vigieEngine);
});

const where = suite('docs/RULES.md: where operators');

const whereRows = tableAfter('table: where-operators').map((cells) => codeName(cells[0]));
const schemaWhereOperators = Object.keys(schema.definitions.where.additionalProperties.anyOf[2].properties);

/** Per operator, a field value, an operand, and whether the operator holds: both of src/facts/where.ts's matchers must agree. */
const SAMPLES: Readonly<Record<string, readonly [unknown, unknown, boolean][]>> = {
  in: [['a', ['a', 'b'], true], ['c', ['a', 'b'], false]],
  not_in: [['c', ['a', 'b'], true], ['a', ['a', 'b'], false], [undefined, ['a'], true]],
  not: [['b', 'a', true], ['a', 'a', false], [undefined, 'a', true]],
  present: [['a', true, true], [undefined, true, false], [null, false, true]],
  before: [['2024-01-01', '2024-01-02', true], ['2024-01-02', '2024-01-02', false], [undefined, '2024-01-02', false]],
  on_or_before: [['2024-01-02', '2024-01-02', true], ['2024-01-03', '2024-01-02', false]],
  after: [['2024-01-03', '2024-01-02', true], ['2024-01-02', '2024-01-02', false]],
  on_or_after: [['2024-01-02', '2024-01-02', true], ['2024-01-01', '2024-01-02', false]],
  equals_text: [['  Caf du NORD ', 'caf du nord', true], ['Caf du Sud', 'caf du nord', false]],
  // The field is the done date; `start` names another field of the record (2024-01-01 + 1 month is due 2024-02-01, D is 2024-06-30).
  missed_deadline: [['2024-03-01', { start: 'start', delay: 'P1M' }, true], ['2024-01-15', { start: 'start', delay: 'P1M' }, false]],
};

where('the table lists the operators the rule schema allows in a where value', () => {
  assert.equal(sorted(whereRows), sorted(schemaWhereOperators));
  assert.is(new Set(whereRows).size, whereRows.length, 'an operator listed twice');
});

where('src/facts/where.ts handles each documented operator as the table says, and refuses others', () => {
  const asOf = '2024-06-30';
  for (const operator of whereRows) {
    const samples = SAMPLES[operator];
    assert.ok(samples, `no sample for the where operator ${operator}: add one to SAMPLES`);
    for (const [value, operand, expected] of samples) {
      const values = { field: value, start: '2024-01-01' };
      const label = `${JSON.stringify(value)} ${operator} ${JSON.stringify(operand)}`;
      assert.is(fieldMatches(values, 'field', { [operator]: operand }, asOf), expected, label);
      assert.is(compileFieldMatcher('field', { [operator]: operand }, asOf)(values), expected, `${label} (compiled)`);
    }
  }
  assert.throws(() => fieldMatches({ field: 'a' }, 'field', { unheard_of: 'a' }, asOf));
});

where('active_at and not_exists, the two keys that are not fields, are documented and handled', () => {
  assert.ok(RULES_DOC.includes('### `active_at`'));
  assert.ok(RULES_DOC.includes('### `not_exists`'));
  assert.ok('not_exists' in schema.definitions.where.properties);
  assert.ok(fieldMatches({ granted_on: '2024-01-01' }, 'active_at', '2024-06-30', '2024-06-30'));
  assert.not.ok(fieldMatches({ granted_on: '2024-01-01', revoked_on: '2024-06-30' }, 'active_at', '2024-06-30', '2024-06-30'));
  assert.not.ok(fieldMatches({ granted_on: '2024-07-01' }, 'active_at', '2024-06-30', '2024-06-30'));
});

conditions.run();
where.run();
