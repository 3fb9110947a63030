import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { planOutputs } from '../../src/format/plan-outputs.js';

const plan = suite('format: --format / --output pairs');

plan('one format without output prints to stdout; none means text', () => {
  assert.equal(planOutputs(['json'], [], 'fr'), { targets: [{ format: 'json' }], errors: [] });
  assert.equal(planOutputs([], [], 'fr'), { targets: [{ format: 'text' }], errors: [] });
  assert.equal(planOutputs([], ['out.txt'], 'fr'), { targets: [{ format: 'text', file: 'out.txt' }], errors: [] });
});

plan('several formats pair with outputs in order', () => {
  assert.equal(planOutputs(['json', 'sarif', 'junit'], ['a.json', 'b.sarif', 'c.xml'], 'fr').targets, [
    { format: 'json', file: 'a.json' },
    { format: 'sarif', file: 'b.sarif' },
    { format: 'junit', file: 'c.xml' },
  ]);
});

plan('unpaired, duplicate or unknown: usage errors', () => {
  const unpaired = planOutputs(['json', 'sarif'], ['b.sarif'], 'en');
  assert.equal(unpaired.targets, []);
  assert.match(unpaired.errors[0].message, '--format and --output go in pairs, in order (2 --format, 1 --output)');
  assert.is(planOutputs(['json', 'sarif'], ['x', './x'], 'fr').errors[0].value, './x');
  const unknown = planOutputs(['pdf'], [], 'fr').errors[0];
  assert.is(unknown.code, 'usage');
  assert.is(unknown.value, 'pdf');
  assert.match(unknown.message, 'sarif|junit|markdown');
});

plan.run();
