import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatErrorsJson } from '../../../src/format/check/format-errors-json.js';
import { ERRORS, RUN } from './invalid-run-fixture.js';

const json = suite('format: JSON of a run stopped by input errors');

json('{"errors": […]}, every field of every error, as --format json has always printed it', () => {
  const text = formatErrorsJson(RUN);
  assert.equal(JSON.parse(text), { errors: ERRORS });
  assert.ok(text.endsWith('}\n'));
  assert.is(text, `${JSON.stringify({ errors: ERRORS }, null, 2)}\n`);
});

json.run();
