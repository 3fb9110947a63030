import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from './run-cli.js';

const SNAPSHOT = 'test/fixtures/bad-inputs/misspelt-header';
const WARNINGS = [
  `${SNAPSHOT}/traces.csv:1:4: colonne « Code equipment » inconnue : vouliez-vous dire « Code équipement » ? (Code equipment)`,
  `${SNAPSHOT}/users.csv:1:3: colonne « Date depart » inconnue : vouliez-vous dire « Date de départ » ? (Date depart)`,
  `${SNAPSHOT}/users.csv:1:4: colonne « Commentaire » inconnue : ignorée (Commentaire)`,
];

const strict = suite('--strict');

strict('without it, unknown headers do not stop validate', () => {
  const run = runCli(['validate', SNAPSHOT]);
  assert.is(run.code, 0, run.stderr);
});

for (const command of ['validate', 'check', 'bilan', 'review', 'deadlines']) {
  strict(`${command} --strict: every warning is an error, exit 2`, () => {
    const run = runCli([command, SNAPSHOT, '--strict']);
    assert.is(run.code, 2, `${run.stdout}\n${run.stderr}`);
    assert.equal(run.stderr.trimEnd().split('\n'), WARNINGS);
  });
}

strict('check --strict --format json lists them in errors', () => {
  const run = runCli(['check', SNAPSHOT, '--strict', '--format', 'json', '--lang', 'en']);
  assert.is(run.code, 2);
  const errors = (JSON.parse(run.stdout) as { errors: { code: string; message: string }[] }).errors;
  assert.equal(errors.map((error) => error.code), ['unknown-column', 'unknown-column', 'unknown-column']);
  assert.is(errors[1].message, 'unknown column "Date depart": did you mean "Date de départ"?');
});

strict.run();
