import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { runFixtures } from '../../src/pipeline/run-fixtures.js';

// One driver for every rule's fixtures (rules/<area>/<RULE-ID>.tests.yaml): no code per case.
const catalogue = loadRules([BUNDLED_RULES]);
const run = await runFixtures([BUNDLED_RULES], catalogue.rules, catalogue.shared);

const fixtures = suite('rule fixtures');

fixtures('the fixture files are valid', () => {
  assert.equal(run.errors, []);
});

fixtures('every rule has a case that fires and a case that does not', () => {
  assert.equal(run.uncovered, []);
});

for (const result of run.cases) {
  fixtures(`${result.rule} — ${result.name}`, () => {
    assert.equal(result.problems, [], `${result.file}:${result.line}`);
  });
}

fixtures.run();
