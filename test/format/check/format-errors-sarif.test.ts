import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatErrorsSarif, formatSarifEntries } from '../../../src/format/check/format-errors-sarif.js';
import { ca2cReport } from '../ca2c-report.js';
import { sarifValidator } from '../sarif-validator.js';
import { BASE, ERRORS, RUN } from './invalid-run-fixture.js';

interface Notification {
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[];
  properties: { code: string; value?: string };
}
interface Run {
  tool: { driver: { name: string; version: string; rules: { id: string }[] } };
  automationDetails?: { id: string };
  invocations: { executionSuccessful: boolean; exitCode: number; toolExecutionNotifications: Notification[] }[];
  results: unknown[];
}

const sarif = suite('format: SARIF of a run stopped by input errors');
const options = { lang: 'fr' as const, baseDir: BASE };
const parse = (text: string) => JSON.parse(text) as { version: string; runs: Run[] };

sarif('validates against the SARIF 2.1.0 schema, with and without rules, and in a portfolio', async () => {
  const validate = sarifValidator();
  const report = await ca2cReport();
  const logs = [
    formatErrorsSarif(RUN, options),
    formatErrorsSarif({ errors: ERRORS, rules: [] }, options),
    formatSarifEntries([report, { snapshot: { path: `${BASE}/snap` }, errors: ERRORS }], options),
  ];
  for (const log of logs) {
    const result = validate(JSON.parse(log));
    assert.ok(result.valid, result.errors);
  }
  // The validator does fail: an invocation needs executionSuccessful.
  const broken = parse(logs[0]);
  delete (broken.runs[0].invocations[0] as Partial<Run['invocations'][0]>).executionSuccessful;
  assert.not.ok(validate(broken).valid);
});

sarif('an unsuccessful invocation, exit 2, one error notification per error and no result', () => {
  const [run] = parse(formatErrorsSarif(RUN, options)).runs;
  assert.is(run.tool.driver.name, 'vigie');
  assert.equal(run.tool.driver.rules.map((rule) => rule.id), ['FIXTURE-RULE']);
  assert.equal(run.results, []);
  const [invocation] = run.invocations;
  assert.is(invocation.executionSuccessful, false);
  assert.is(invocation.exitCode, 2);
  assert.equal(
    invocation.toolExecutionNotifications.map((item) => [item.level, item.message.text, item.properties.code]),
    [
      ['error', 'valeur inconnue dans la colonne « profile » (Grand Manitou)', 'unknown-value'],
      ['error', 'date impossible dans la colonne « left_on » (31/02/2024)', 'invalid-date'],
      ['error', 'dérogations non conformes', 'waivers-schema'],
      ['error', '--as-of AAAA-MM-JJ | JJ/MM/AAAA (2024-13-45)', 'usage'],
    ],
  );
});

sarif('each error at its file (relative to the working directory), line and column; a usage error has no location', () => {
  const notifications = parse(formatErrorsSarif(RUN, options)).runs[0].invocations[0].toolExecutionNotifications;
  assert.equal(
    notifications.map((item) => item.locations?.map((place) => place.physicalLocation)),
    [
      [{ artifactLocation: { uri: 'snap/habilitations.csv' }, region: { startLine: 2, startColumn: 3 } }],
      [{ artifactLocation: { uri: 'snap/users.csv' }, region: { startLine: 3, startColumn: 8 } }],
      // No column: a line alone.
      [{ artifactLocation: { uri: 'waivers.yaml' }, region: { startLine: 5 } }],
      undefined,
    ],
  );
  // No line: the file alone; outside the working directory, an absolute file URI.
  const outside = parse(formatErrorsSarif({ errors: [{ file: '/elsewhere/a b.yaml', line: 0, column: 0, code: 'x', message: 'm' }], rules: [] }, options));
  assert.equal(outside.runs[0].invocations[0].toolExecutionNotifications[0].locations, [{ physicalLocation: { artifactLocation: { uri: 'file:///elsewhere/a%20b.yaml' } } }]);
});

sarif('the rules described in the run’s language, byte-stable', () => {
  assert.match(formatErrorsSarif(RUN, options), 'Une règle de démonstration — Contrat de services (CS) art. 4.2');
  assert.match(formatErrorsSarif(RUN, { ...options, lang: 'en' }), 'Une règle de démonstration — Service contract (CS) art. 4.2');
  assert.is(formatErrorsSarif(RUN, options), formatErrorsSarif(RUN, options));
});

sarif('a portfolio: a snapshot that could not be read is a run of its own, after the reports, with its errors', async () => {
  const report = await ca2cReport();
  const { runs } = parse(formatSarifEntries([report, { snapshot: { path: `${BASE}/snap` }, errors: ERRORS.slice(0, 2) }], options));
  assert.is(runs.length, 2);
  assert.is(runs[0].invocations[0].executionSuccessful, true);
  assert.ok(runs[0].results.length > 0);
  assert.is(runs[1].automationDetails?.id, 'vigie/snap/');
  assert.is(runs[1].invocations[0].executionSuccessful, false);
  assert.equal(
    runs[1].invocations[0].toolExecutionNotifications.map((item) => item.locations?.[0].physicalLocation.artifactLocation.uri),
    ['snap/habilitations.csv', 'snap/users.csv'],
  );
  // The catalogue is the run's: the reports' rules.
  assert.is(runs[1].tool.driver.rules.length, report.rules.length);
});

sarif.run();
