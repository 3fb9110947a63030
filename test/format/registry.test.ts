import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatNames, isFormatOf, outputsRuleOf } from '../../src/format/registry.js';

const registry = suite('format: one registry of every document');

registry('each document its --format names, the default first', () => {
  assert.equal(formatNames('check'), ['text', 'json', 'sarif', 'junit', 'markdown']);
  assert.equal(formatNames('portfolio'), formatNames('check'));
  assert.equal(formatNames('bilan'), ['markdown', 'html']);
  assert.equal(formatNames('review'), ['csv', 'markdown']);
  assert.equal(formatNames('deadlines'), ['text', 'json']);
  assert.equal(formatNames('calendar'), ['ics']);
});

registry('names are own keys only, and bilan and review take a single output', () => {
  assert.ok(isFormatOf('deadlines', 'json'));
  assert.not.ok(isFormatOf('deadlines', 'sarif'));
  assert.not.ok(isFormatOf('check', 'constructor'));
  assert.equal(
    (['check', 'portfolio', 'bilan', 'review', 'deadlines'] as const).map(outputsRuleOf),
    ['pairs', 'pairs', 'single', 'single', 'pairs'],
  );
});

registry('a check stopped by input errors renders in every format of check, in pairs', () => {
  assert.equal(formatNames('errors'), formatNames('check'));
  assert.is(outputsRuleOf('errors'), 'pairs');
});

registry.run();
