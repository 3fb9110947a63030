import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { validateCommand } from '../../src/commands/validate-command.js';

const validate = suite('vigie validate: every table read, counted and checked, the traces too');

validate('the sample: the traces counted like every other table, with their encoding and line ends, in text', async () => {
  const result = await validateCommand({ snapshot: 'samples/ca2c-2023', lang: 'fr', format: 'text' });
  assert.is(result.exitCode, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.is(lines[0], 'samples/ca2c-2023 : données valides');
  assert.is(lines[1], '  partner.yaml — utf-8 · fins de ligne LF');
  assert.ok(lines.includes('  traces.csv — 838 ligne(s) · utf-8 · séparateur « ; » · fins de ligne LF'), result.stdout);
  assert.not.match(result.stdout, 'lu en flux');
});

validate('JSON: the traces\' rows in tables, and the whole manifest', async () => {
  const result = await validateCommand({ snapshot: 'samples/ca2c-2023', lang: 'en', format: 'json' });
  const json = JSON.parse(result.stdout);
  assert.equal(json.tables.at(-1), { name: 'traces', file: 'traces.csv', rows: 838 });
  const traces = json.inputs.files.find((entry: { file: string }) => entry.file === 'traces.csv');
  assert.equal([traces.rows, traces.lineEnds, traces.encoding, traces.streamed], [838, 'lf', 'utf-8', true]);
  assert.equal(json.inputs.warnings, []);
});

validate('exported by French Excel: Windows-1252, CRLF and the column vigie ignores, said per file', async () => {
  const result = await validateCommand({ snapshot: 'test/fixtures/snapshots/human', lang: 'fr', format: 'text' });
  assert.is(result.exitCode, 0, result.stderr);
  assert.ok(result.stdout.includes('  traces.csv — 3 ligne(s) · windows-1252 · séparateur « ; » · fins de ligne CRLF\n'), result.stdout);
  assert.ok(
    result.stdout.includes('  users.csv — 4 ligne(s) · windows-1252 · séparateur « ; » · fins de ligne CRLF · colonne(s) ignorée(s) : « Commentaire »\n'),
    result.stdout,
  );
});

validate.run();
