import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatErrorsJunit, formatJunitEntries } from '../../../src/format/check/format-errors-junit.js';
import { ca2cReport } from '../ca2c-report.js';
import { BASE, ERRORS, RUN } from './invalid-run-fixture.js';
import { parseJunit as parse } from './junit-xml.js';


const junit = suite('format: JUnit of a run stopped by input errors');
const options = { lang: 'fr' as const, baseDir: BASE };



junit('a vigie suite, one failing case per error, named FILE:LINE:COLUMN, the message as the failure’s', () => {
  const { testsuites } = parse(formatErrorsJunit(RUN, options));
  assert.is(testsuites.tests, '4');
  assert.is(testsuites.failures, '4');
  assert.equal(testsuites.testsuite.map((item) => [item.name, item.tests, item.failures]), [['vigie', '4', '4']]);
  assert.equal(
    testsuites.testsuite[0].testcase.map((item) => [item.classname, item.name, item.failure?.type, item.failure?.message]),
    [
      ['vigie.unknown-value', 'snap/habilitations.csv:2:3', 'unknown-value', 'valeur inconnue dans la colonne « profile » (Grand Manitou)'],
      ['vigie.invalid-date', 'snap/users.csv:3:8', 'invalid-date', 'date impossible dans la colonne « left_on » (31/02/2024)'],
      ['vigie.waivers-schema', 'waivers.yaml:5:0', 'waivers-schema', 'dérogations non conformes'],
      ['vigie.usage', 'vigie', 'usage', '--as-of AAAA-MM-JJ | JJ/MM/AAAA (2024-13-45)'],
    ],
  );
  assert.is(testsuites.testsuite[0].testcase[1].failure?.['#text'], 'snap/users.csv:3:8: date impossible dans la colonne « left_on » (31/02/2024)');
});

junit('markup in a value stays text', () => {
  const hostile = { errors: [{ ...ERRORS[0], value: '</failure><testcase name="x"/>&' }], rules: [] };
  const { testsuites } = parse(formatErrorsJunit(hostile, options));
  assert.is(testsuites.testsuite[0].testcase.length, 1);
  assert.match(testsuites.testsuite[0].testcase[0].failure?.message ?? '', '(</failure><testcase name="x"/>&)');
});

junit('a portfolio: a snapshot that could not be read is a vigie suite named after its path', async () => {
  const report = await ca2cReport();
  const { testsuites } = parse(formatJunitEntries([report, { snapshot: { path: `${BASE}/snap` }, errors: ERRORS.slice(0, 2) }], options));
  const names = testsuites.testsuite.map((item) => item.name);
  assert.ok(names.slice(0, -1).every((name) => name.startsWith(`${report.snapshot.partner} — `)), names.join(', '));
  const last = testsuites.testsuite[testsuites.testsuite.length - 1];
  assert.is(last.name, 'snap — vigie');
  assert.equal(last.testcase.map((item) => item.name), ['snap/habilitations.csv:2:3', 'snap/users.csv:3:8']);
});

junit.run();
