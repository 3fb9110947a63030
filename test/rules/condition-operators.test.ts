import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine } from '../../src/engine/rules-engine.js';
import { OPERATOR_EVALUATORS } from '../../src/facts/operators.js';

// The operators a condition may name are listed twice: in the schema (for editors and the
// loader) and in the engine (json-rules-engine's own and vigie's). Both lists must agree.

const operators = suite('condition operators');

const schema = JSON.parse(readFileSync(new URL('../../schemas/rule.schema.json', import.meta.url), 'utf8')) as {
  definitions: { condition: { anyOf: { properties?: { operator?: { enum: string[] } } }[] } };
};
const schemaOperators = schema.definitions.condition.anyOf.flatMap((branch) => branch.properties?.operator?.enum ?? []);

/** The operators of the engine a rule runs in, read from the engine itself. */
function engineOperators(): string[] {
  const engine = createEngine({ all: [] }) as unknown as { operators: { operators: Map<string, unknown> } };
  return [...engine.operators.operators.keys()];
}

operators('the schema lists exactly the operators of the engine', () => {
  assert.ok(schemaOperators.length > 0);
  assert.equal([...schemaOperators].sort(), engineOperators().sort());
});

operators("vigie's own operators are in the engine, beside json-rules-engine's", () => {
  const names = engineOperators();
  for (const name of Object.keys(OPERATOR_EVALUATORS)) assert.ok(names.includes(name), name);
  for (const name of ['equal', 'notEqual', 'lessThan', 'in', 'contains']) assert.ok(names.includes(name), name);
});

operators.run();
