import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, type CliRun } from './run-cli.js';
import { sarifValidator } from '../format/sarif-validator.js';
import { parseJunit, type JunitCase } from '../format/check/junit-xml.js';

const invalid = suite('vigie check on invalid input: every requested output written, carrying the errors');

let dir = '';
invalid.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-invalid-outputs-'));
  // The CA2C sample with an impossible date in users.csv and an unknown profile in habilitations.csv.
  cpSync(join(ROOT, 'samples/ca2c-2023'), join(dir, 'bad'), { recursive: true });
  cpSync(join(ROOT, 'samples/exemple-conforme'), join(dir, 'good'), { recursive: true });
  edit(join(dir, 'bad/users.csv'), 3, (line) => line.replace(/;person;$/, ';person;31/02/2024'));
  edit(join(dir, 'bad/habilitations.csv'), 2, (line) => line.replace('Approbateur des données', 'Grand Manitou'));
});
invalid.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function edit(file: string, line: number, change: (line: string) => string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const changed = change(lines[line - 1]);
  if (changed === lines[line - 1]) throw new Error(`${file}:${line} unchanged`);
  lines[line - 1] = changed;
  writeFileSync(file, lines.join('\n'));
}

/** The built CLI run from the temporary folder, as a pipeline runs it from its repository root (relative paths). */
function vigie(args: readonly string[]): CliRun {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.CI;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/vigie.js'), ...args], { cwd: dir, env, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `--format X --output out/NAME.X` for every format but text, in a folder of their own. */
function allOutputs(name: string): { args: string[]; read: (format: string) => string } {
  mkdirSync(join(dir, name), { recursive: true });
  const files: Record<string, string> = { sarif: `${name}/a.sarif`, junit: `${name}/a.xml`, markdown: `${name}/a.md`, json: `${name}/a.json`, text: `${name}/a.txt` };
  return {
    args: Object.entries(files).flatMap(([format, file]) => ['--format', format, '--output', file]),
    read: (format) => readFileSync(join(dir, files[format]), 'utf8'),
  };
}

const DATE_LINE = 'bad/users.csv:3:8: date impossible dans la colonne « Date de départ » (left_on) : attendu AAAA-MM-JJ ou JJ/MM/AAAA (31/02/2024)';
const PROFILE_LINE = 'bad/habilitations.csv:2:3: valeur inconnue dans la colonne « Profil » (profile) : attendu D1, D2, D3, D4 ou leurs libellés : Fournisseur de données d\'activité, Fournisseur de données financières, Approbateur des données, Consultant (Grand Manitou)';

type Notification = { message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[] };

function junitCases(xml: string): { suites: string[]; cases: JunitCase[] } {
  const suites = parseJunit(xml).testsuites.testsuite;
  return { suites: suites.map((item) => item.name), cases: suites.flatMap((item) => item.testcase) };
}

invalid('an invalid snapshot: SARIF, JUnit, Markdown, JSON and text files, each with both errors at their place; exit 2', () => {
  const outputs = allOutputs('snapshot');
  const run = vigie(['check', 'bad', ...outputs.args]);
  assert.is(run.code, 2, run.stderr);
  assert.is(run.stdout, '');
  assert.is(run.stderr, `${PROFILE_LINE}\n${DATE_LINE}\n`);

  const sarif = JSON.parse(outputs.read('sarif'));
  const validation = sarifValidator()(sarif);
  assert.ok(validation.valid, validation.errors);
  const [invocation] = sarif.runs[0].invocations;
  assert.is(invocation.executionSuccessful, false);
  assert.equal(
    (invocation.toolExecutionNotifications as Notification[]).map((item) => [item.locations?.[0].physicalLocation, item.message.text]),
    [
      [{ artifactLocation: { uri: 'bad/habilitations.csv' }, region: { startLine: 2, startColumn: 3 } }, 'valeur inconnue dans la colonne « Profil » (profile) : attendu D1, D2, D3, D4 ou leurs libellés : Fournisseur de données d\'activité, Fournisseur de données financières, Approbateur des données, Consultant (Grand Manitou)'],
      [{ artifactLocation: { uri: 'bad/users.csv' }, region: { startLine: 3, startColumn: 8 } }, 'date impossible dans la colonne « Date de départ » (left_on) : attendu AAAA-MM-JJ ou JJ/MM/AAAA (31/02/2024)'],
    ],
  );
  assert.equal(sarif.runs[0].results, []);
  // The catalogue loaded: the rules are those of a normal run.
  assert.is(sarif.runs[0].tool.driver.rules.length, 58);

  const junit = junitCases(outputs.read('junit'));
  assert.equal(junit.suites, ['vigie']);
  assert.equal(
    junit.cases.map((item) => [item.name, item.failure?.message]),
    [
      ['bad/habilitations.csv:2:3', 'valeur inconnue dans la colonne « Profil » (profile) : attendu D1, D2, D3, D4 ou leurs libellés : Fournisseur de données d\'activité, Fournisseur de données financières, Approbateur des données, Consultant (Grand Manitou)'],
      ['bad/users.csv:3:8', 'date impossible dans la colonne « Date de départ » (left_on) : attendu AAAA-MM-JJ ou JJ/MM/AAAA (31/02/2024)'],
    ],
  );

  const markdown = outputs.read('markdown');
  assert.match(markdown, '**2** erreur(s) dans 2 fichier(s)');
  assert.match(markdown, '| `bad/habilitations.csv:2:3` | valeur inconnue dans la colonne « Profil » (profile) : attendu D1, D2, D3, D4 ou leurs libellés : Fournisseur de données d\'activité, Fournisseur de données financières, Approbateur des données, Consultant | Grand Manitou |');
  assert.match(markdown, '| `bad/users.csv:3:8` | date impossible dans la colonne « Date de départ » (left\\_on) : attendu AAAA-MM-JJ ou JJ/MM/AAAA | 31/02/2024 |');

  assert.equal(
    JSON.parse(outputs.read('json')).errors.map((error: { file: string; line: number; column: number; value: string }) => [error.file, error.line, error.column, error.value]),
    [
      ['bad/habilitations.csv', 2, 3, 'Grand Manitou'],
      ['bad/users.csv', 3, 8, '31/02/2024'],
    ],
  );
  assert.is(outputs.read('text'), run.stderr);
});

invalid('one --format without --output: its document on stdout (JSON as before, SARIF too); text leaves the errors to stderr', () => {
  const json = vigie(['check', 'bad', '--format', 'json']);
  assert.is(json.code, 2);
  assert.is(JSON.parse(json.stdout).errors.length, 2);
  const sarif = vigie(['check', 'bad', '--format', 'sarif', '--lang', 'en']);
  assert.is(sarif.code, 2);
  assert.match(JSON.parse(sarif.stdout).runs[0].invocations[0].toolExecutionNotifications[1].message.text, 'invalid date in column "Date de départ" (left_on)');
  const text = vigie(['check', 'bad']);
  assert.is(text.code, 2);
  assert.is(text.stdout, '');
  assert.is(text.stderr, `${PROFILE_LINE}\n${DATE_LINE}\n`);
});

invalid('invalid waivers or rules: the outputs carry their errors; rules that could not be loaded leave the SARIF driver without rules', () => {
  writeFileSync(join(dir, 'waivers.yaml'), 'waivers:\n  - rule: GOV-DEPUTY-MISSING\n    reason: x\n    approved_by: Caf\n    expires_on: demain\n');
  const waivers = allOutputs('waivers');
  const run = vigie(['check', 'good', '--waivers', 'waivers.yaml', ...waivers.args]);
  assert.is(run.code, 2, run.stderr);
  const sarif = JSON.parse(waivers.read('sarif'));
  const [notification] = sarif.runs[0].invocations[0].toolExecutionNotifications as Notification[];
  assert.equal(notification.locations?.[0].physicalLocation.artifactLocation.uri, 'waivers.yaml');
  assert.is(notification.locations?.[0].physicalLocation.region?.startLine, 5);
  assert.is(sarif.runs[0].tool.driver.rules.length, 58);
  assert.match(junitCases(waivers.read('junit')).cases[0].name, /^waivers\.yaml:5:\d+$/);

  mkdirSync(join(dir, 'broken-rules'), { recursive: true });
  writeFileSync(join(dir, 'broken-rules/x.yaml'), 'id: X\n  title: [unclosed\n');
  const rules = allOutputs('rules');
  const broken = vigie(['check', 'good', '--rules', 'broken-rules', ...rules.args]);
  assert.is(broken.code, 2, broken.stderr);
  const brokenSarif = JSON.parse(rules.read('sarif'));
  assert.ok(sarifValidator()(brokenSarif).valid);
  assert.equal(brokenSarif.runs[0].tool.driver.rules, []);
  assert.match(brokenSarif.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'broken-rules/x.yaml');
  assert.match(rules.read('markdown'), 'broken-rules/x.yaml');
});

invalid('an invalid config or baseline: the same, each error at its place in its file', () => {
  writeFileSync(join(dir, 'vigie.config.yaml'), 'rules:\n  HAB-UNUSED: {enabled: maybe}\n');
  writeFileSync(join(dir, 'baseline.json'), '{"findings": [\n');
  for (const [option, file] of [['--config', 'vigie.config.yaml'], ['--baseline', 'baseline.json']]) {
    const outputs = allOutputs(`input${option}`);
    const run = vigie(['check', 'good', option, file, ...outputs.args]);
    assert.is(run.code, 2, run.stderr);
    const notifications = JSON.parse(outputs.read('sarif')).runs[0].invocations[0].toolExecutionNotifications as Notification[];
    assert.ok(notifications.length > 0, option);
    assert.ok(notifications.every((item) => item.locations?.[0].physicalLocation.artifactLocation.uri === file), JSON.stringify(notifications));
    assert.equal(JSON.parse(outputs.read('json')).errors.map((error: { file: string }) => error.file), notifications.map(() => file));
    assert.is(junitCases(outputs.read('junit')).cases.length, notifications.length);
  }
});

invalid('usage errors: written when the outputs are known, nothing written when they are not', () => {
  const known = allOutputs('usage');
  const run = vigie(['check', 'good', '--as-of', '2024-13-45', ...known.args]);
  assert.is(run.code, 2);
  assert.is(run.stderr, 'vigie: --as-of AAAA-MM-JJ | JJ/MM/AAAA (2024-13-45)\n');
  assert.equal(junitCases(known.read('junit')).cases.map((item) => item.name), ['vigie']);
  const notification = JSON.parse(known.read('sarif')).runs[0].invocations[0].toolExecutionNotifications[0];
  assert.is(notification.message.text, '--as-of AAAA-MM-JJ | JJ/MM/AAAA (2024-13-45)');
  assert.is(notification.locations, undefined);
  const missing = allOutputs('no-snapshot');
  assert.is(vigie(['check', ...missing.args]).code, 2);
  assert.match(missing.read('markdown'), 'vigie check &lt;instantané...&gt;');

  // Unpaired: which format goes where is unknown, so nothing is written.
  mkdirSync(join(dir, 'unpaired'));
  const unpaired = vigie(['check', 'bad', '--format', 'sarif', '--format', 'junit', '--output', 'unpaired/a.sarif']);
  assert.is(unpaired.code, 2);
  assert.not.ok(existsSync(join(dir, 'unpaired/a.sarif')));
});

invalid('a portfolio with an unreadable snapshot: its errors in a SARIF run and a JUnit suite of their own', () => {
  const outputs = allOutputs('portfolio');
  const run = vigie(['check', 'good', 'bad', ...outputs.args]);
  assert.is(run.code, 2, run.stderr);
  const sarif = JSON.parse(outputs.read('sarif'));
  assert.ok(sarifValidator()(sarif).valid);
  assert.equal(
    sarif.runs.map((item: { automationDetails: { id: string }; invocations: { executionSuccessful: boolean }[] }) => [item.automationDetails.id, item.invocations[0].executionSuccessful]),
    [
      ['vigie/good/', true],
      ['vigie/bad/', false],
    ],
  );
  assert.is(sarif.runs[1].invocations[0].toolExecutionNotifications.length, 2);
  const junit = junitCases(outputs.read('junit'));
  assert.is(junit.suites[junit.suites.length - 1], 'bad — vigie');
  assert.ok(junit.cases.some((item) => item.name === 'bad/users.csv:3:8'));
  // JSON and Markdown already listed them per partner.
  assert.is(JSON.parse(outputs.read('json')).partners[1].errors.length, 2);
});

invalid('--redact: an e-mail address in an error value is pseudonymized in every file too', () => {
  cpSync(join(dir, 'good'), join(dir, 'mail'), { recursive: true });
  edit(join(dir, 'mail/users.csv'), 2, (line) => line.replace(',person,,', ',person,jean.martin@example.fr,'));
  const outputs = allOutputs('redact');
  const run = vigie(['check', 'mail', '--redact', ...outputs.args]);
  assert.is(run.code, 2, run.stderr);
  assert.not.match(run.stderr, 'jean.martin@example.fr');
  for (const format of ['sarif', 'junit', 'markdown', 'json', 'text']) {
    const text = outputs.read(format);
    assert.not.match(text, 'jean.martin', format);
    assert.match(text, '@redacted.invalid', format);
  }
});

invalid('a single-file snapshot: its errors name it from the working directory, on stderr and in the outputs', () => {
  mkdirSync(join(dir, 'single'), { recursive: true });
  const text = readFileSync(join(ROOT, 'test/fixtures/snapshots/single-file.json'), 'utf8').replace('"granted_on": "01/06/2023"', '"granted_on": "31/02/2023"');
  writeFileSync(join(dir, 'single/one.json'), text);
  const run = vigie(['check', 'single/one.json', '--format', 'sarif']);
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, /^single\/one\.json:\d+:\d+: /);
  const [notification] = JSON.parse(run.stdout).runs[0].invocations[0].toolExecutionNotifications as Notification[];
  assert.is(notification.locations?.[0].physicalLocation.artifactLocation.uri, 'single/one.json');
});

invalid.run();
