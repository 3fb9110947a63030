import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CappedErrors, CappedSkipped, countSkipped, MORE_ERRORS } from '../../src/snapshot/error-cap.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';

const cap = suite('snapshot: errors and skipped rows listed up to a cap per file, the others counted');

function error(file: string, line: number): InputError {
  return { file, line, column: 1, code: 'invalid-date' };
}

cap('each file keeps its first errors by line whatever the order they arrive in, and counts the others', () => {
  const errors = new CappedErrors(3);
  for (const line of [9, 4, 7, 2, 8, 3, 5]) errors.add(error('a.csv', line));
  errors.add(error('b.csv', 1));
  assert.equal(errors.toArray(), [error('a.csv', 2), error('a.csv', 3), error('a.csv', 4), { file: 'a.csv', line: 0, column: 0, code: MORE_ERRORS, params: { count: 4 } }, error('b.csv', 1)]);
});

cap('the lists of two parts of a file, joined, are the list of the whole file (the two threads)', () => {
  const whole = new CappedErrors(3);
  const first = new CappedErrors(3);
  const later = new CappedErrors(3);
  for (let line = 1; line <= 10; line++) {
    whole.add(error('t.csv', line));
    (line <= 5 ? first : later).add(error('t.csv', line));
  }
  const joined = new CappedErrors(3);
  joined.addAll(first.toArray());
  joined.addAll(later.toArray());
  assert.equal(joined.toArray(), whole.toArray());
  assert.equal(joined.toArray().at(-1)?.params, { count: 7 });
});

cap('a complete list has no count entry', () => {
  const errors = new CappedErrors(3);
  errors.add(error('a.csv', 1));
  assert.equal(errors.toArray(), [error('a.csv', 1)]);
});

cap('skipped rows: the first by line listed, the count of rows includes the ones left out', () => {
  const skipped = new CappedSkipped(2);
  for (const line of [5, 3, 4, 2]) skipped.add({ file: 't.csv', line, errors: [error('t.csv', line)] });
  const rows = skipped.toArray();
  assert.equal(rows.map((row) => row.line), [2, 3, 0]);
  assert.is(countSkipped(rows), 4);
});

cap.run();
