import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { planOutputs } from '../../src/format/plan-outputs.js';

const plan = suite('format: --format / --output pairs');

plan('one format without output prints to stdout; none means text', () => {
  assert.equal(planOutputs(['json'], [], 'check', 'fr'), { targets: [{ format: 'json' }], errors: [] });
  assert.equal(planOutputs([], [], 'check', 'fr'), { targets: [{ format: 'text' }], errors: [] });
  assert.equal(planOutputs([], ['out.txt'], 'check', 'fr'), { targets: [{ format: 'text', file: 'out.txt' }], errors: [] });
});

plan('several formats pair with outputs in order', () => {
  assert.equal(planOutputs(['json', 'sarif', 'junit'], ['a.json', 'b.sarif', 'c.xml'], 'check', 'fr').targets, [
    { format: 'json', file: 'a.json' },
    { format: 'sarif', file: 'b.sarif' },
    { format: 'junit', file: 'c.xml' },
  ]);
});

plan('unpaired, duplicate or unknown: usage errors', () => {
  const unpaired = planOutputs(['json', 'sarif'], ['b.sarif'], 'check', 'en');
  assert.equal(unpaired.targets, []);
  assert.match(unpaired.errors[0].message, '--format and --output go in pairs, in order (2 --format, 1 --output)');
  assert.is(planOutputs(['json', 'sarif'], ['x', './x'], 'check', 'fr').errors[0].value, './x');
  const unknown = planOutputs(['pdf'], [], 'check', 'fr').errors[0];
  assert.is(unknown.code, 'usage');
  assert.is(unknown.value, 'pdf');
  assert.match(unknown.message, 'sarif|junit|markdown');
});

plan('bilan and review: one format, one output, their own names', () => {
  assert.equal(planOutputs([], [], 'bilan', 'fr'), { targets: [{ format: 'markdown' }], errors: [] });
  assert.equal(planOutputs(['csv'], ['r.csv'], 'review', 'fr'), { targets: [{ format: 'csv', file: 'r.csv' }], errors: [] });
  const unknown = planOutputs(['sarif'], [], 'bilan', 'en');
  assert.equal(unknown.targets, []);
  assert.match(unknown.errors[0].message, '--format markdown|html');
  const several = planOutputs(['csv', 'markdown'], ['a', 'b'], 'review', 'en').errors;
  assert.equal(
    several.map((error) => error.value),
    ['csv, markdown', 'a, b'],
  );
});

plan.run();
