import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { invalidCheck } from '../../src/commands/invalid-check.js';
import type { DisplayError } from '../../src/diagnostics/display-error.js';

const invalid = suite('commands: a check stopped by input errors writes every output');

const ERRORS: DisplayError[] = [
  { file: 'snap/users.csv', line: 3, column: 8, code: 'invalid-date', message: 'date impossible', value: '31/02/2024' },
  { file: 'snap/habilitations.csv', line: 2, column: 3, code: 'unknown-value', message: 'valeur inconnue', value: 'Grand Manitou' },
];
const LINES = 'snap/habilitations.csv:2:3: valeur inconnue (Grand Manitou)\nsnap/users.csv:3:8: date impossible (31/02/2024)\n';

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-invalid-check-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

invalid('reading warnings: on stderr after the error lines, under their title, and in every file', () => {
  withDir((dir) => {
    const warning: DisplayError = { file: 'snap/users.csv', line: 1, column: 4, code: 'unknown-column', message: 'colonne « Date depart » inconnue', value: 'Date depart' };
    const targets = [{ format: 'text', file: join(dir, 'a.text') }, { format: 'json', file: join(dir, 'a.json') }];
    const result = invalidCheck(ERRORS, [], targets, 'fr', [warning]);
    const warningText = 'Avertissements de lecture (1)\n  ▲ snap/users.csv:1:4: colonne « Date depart » inconnue (Date depart)\n';
    assert.is(result.exitCode, 2);
    assert.is(result.stderr, `${LINES}${warningText}`);
    assert.is(readFileSync(join(dir, 'a.text'), 'utf8'), `${LINES}${warningText}`);
    assert.equal(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).warnings, [warning]);
  });
});

invalid('every file written with the errors (sorted), nothing on stdout, stderr as before, exit 2', () => {
  withDir((dir) => {
    const file = (name: string) => join(dir, name);
    const targets = ['text', 'json', 'sarif', 'junit', 'markdown'].map((format) => ({ format, file: file(`a.${format}`) }));
    const result = invalidCheck(ERRORS, [], targets, 'fr');
    assert.is(result.exitCode, 2);
    assert.is(result.stdout, '');
    assert.is(result.stderr, LINES);
    assert.is(readFileSync(file('a.text'), 'utf8'), LINES);
    assert.equal(
      JSON.parse(readFileSync(file('a.json'), 'utf8')).errors.map((error: DisplayError) => error.line),
      [2, 3],
    );
    const sarif = JSON.parse(readFileSync(file('a.sarif'), 'utf8'));
    assert.is(sarif.runs[0].invocations[0].toolExecutionNotifications.length, 2);
    assert.match(readFileSync(file('a.junit'), 'utf8'), 'name="snap/users.csv:3:8"');
    assert.match(readFileSync(file('a.markdown'), 'utf8'), '`snap/users.csv:3:8`');
  });
});

invalid('without a file: the document on stdout, except text, whose lines are stderr’s', () => {
  assert.equal(JSON.parse(invalidCheck(ERRORS, [], [{ format: 'json' }], 'fr').stdout).errors.length, 2);
  assert.is(JSON.parse(invalidCheck(ERRORS, [], [{ format: 'sarif' }], 'fr').stdout).runs[0].invocations[0].executionSuccessful, false);
  // An empty --output prints, as it does for a report.
  assert.match(invalidCheck(ERRORS, [], [{ format: 'junit', file: '' }], 'fr').stdout, '<testsuites');
  const text = invalidCheck(ERRORS, [], [{ format: 'text' }], 'fr');
  assert.is(text.stdout, '');
  assert.is(text.stderr, LINES);
});

invalid('an unwritable output stops no other and joins the errors on stderr', () => {
  withDir((dir) => {
    const result = invalidCheck(ERRORS, [], [{ format: 'sarif', file: join(dir, 'missing', 'a.sarif') }, { format: 'json', file: join(dir, 'a.json') }], 'en');
    assert.is(result.exitCode, 2);
    assert.ok(existsSync(join(dir, 'a.json')));
    assert.match(result.stderr, `${join(dir, 'missing', 'a.sarif')}:1:1: cannot write`);
    assert.match(result.stderr, LINES);
  });
});

invalid('past a file’s cap: the count of its other errors closes its list in every document', () => {
  withDir((dir) => {
    const file = (name: string) => join(dir, name);
    const counted: DisplayError[] = [...ERRORS, { file: 'snap/users.csv', line: 0, column: 0, code: 'more-errors', message: '… et 5 autres erreurs dans snap/users.csv', count: 5 }];
    const targets = ['text', 'json', 'sarif', 'junit', 'markdown'].map((format) => ({ format, file: file(`a.${format}`) }));
    const result = invalidCheck(counted, [], targets, 'fr');
    assert.is(result.exitCode, 2);
    assert.is(result.stderr, `${LINES}… et 5 autres erreurs dans snap/users.csv\n`);
    assert.is(readFileSync(file('a.text'), 'utf8'), result.stderr);
    const json = JSON.parse(readFileSync(file('a.json'), 'utf8'));
    assert.is(json.errors.length, 2);
    assert.equal(json.truncated, { 'snap/users.csv': 5 });
    const notifications = JSON.parse(readFileSync(file('a.sarif'), 'utf8')).runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notifications[2].properties, { code: 'more-errors', count: 5 });
    assert.equal(notifications[2].locations[0].physicalLocation, { artifactLocation: { uri: 'snap/users.csv' } });
    assert.match(readFileSync(file('a.junit'), 'utf8'), '<testcase classname="vigie.more-errors" name="snap/users.csv" time="0">');
    const markdown = readFileSync(file('a.markdown'), 'utf8');
    assert.match(markdown, '**7** erreur(s) dans 2 fichier(s)');
    assert.match(markdown, '\n\n- … et 5 autres erreurs dans snap/users.csv\n');
    assert.not.match(markdown, '| `snap/users.csv:0:0`');
  });
});

invalid.run();
