import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatInputError, INPUT_ERROR_CODES } from '../../src/snapshot/input-error-messages.js';
import { checkStreamedTables, loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';

/** What a golden case expects of each error; `params` lists only the parameters it checks. */
interface ExpectedError {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly value?: string;
  readonly params?: Record<string, string | number>;
}

const root = new URL('../fixtures/bad-inputs/', import.meta.url).pathname;
const cases = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

/** The actual error reduced to what the case checks, so that a mismatch shows as a readable diff. */
function comparable(actual: InputError, expected: ExpectedError | undefined) {
  const shown: Record<string, unknown> = { code: actual.code, file: actual.file, line: actual.line, column: actual.column };
  if (actual.value !== undefined) shown.value = actual.value;
  if (expected?.params) shown.params = Object.fromEntries(Object.keys(expected.params).map((key) => [key, actual.params?.[key]]));
  return shown;
}

const golden = suite('golden bad inputs');

golden('there are golden cases', () => {
  assert.ok(cases.length >= 10);
});

for (const name of cases) {
  golden(name, async () => {
    const folder = join(root, name);
    // `warnings` (unknown columns and keys) are compared too: a case that lists none expects none.
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { errors: ExpectedError[]; warnings?: ExpectedError[] };
    const loaded = await loadSnapshot(folder);
    // Streamed tables (traces) are read when evaluated, or at load when other files are broken.
    const streamed = loaded.snapshot ? (await checkStreamedTables(loaded.snapshot)).errors : [];
    const errors = [...loaded.errors, ...streamed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    assert.equal(errors.map((error, index) => comparable(error, expected.errors[index])), expected.errors);
    const warnings = expected.warnings ?? [];
    assert.equal(loaded.warnings.map((warning, index) => comparable(warning, warnings[index])), warnings);
    if (expected.errors.length > 0) assert.ok(loaded.snapshot === undefined || streamed.length > 0, 'no usable snapshot when there are errors');
    else assert.ok(loaded.snapshot, 'a case with warnings only loads');
    for (const error of [...errors, ...loaded.warnings]) {
      assert.ok(INPUT_ERROR_CODES.includes(error.code), `${error.code} has a message`);
      assert.not.match(formatInputError(error, 'fr'), /undefined/);
      assert.not.match(formatInputError(error, 'en'), /undefined/);
    }
  });
}

golden.run();
