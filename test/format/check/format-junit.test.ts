import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../../src/report/report-types.js';
import { formatJunit, formatJunitPortfolio } from '../../../src/format/check/format-junit.js';
import { applyWaivers } from '../../../src/waivers/apply-waivers.js';
import { applyBaseline } from '../../../src/baseline/apply-baseline.js';
import { ca2cReport, CA2C } from '../ca2c-report.js';
import { parseJunit as parse } from './junit-xml.js';


const junit = suite('format: JUnit');
const options = { lang: 'fr' as const, baseDir: process.cwd() };



junit('well-formed: one suite per document, one case per rule and subject', async () => {
  const report = await ca2cReport();
  const { testsuites } = parse(formatJunit(report, options));
  const documents: string[] = [...new Set(report.rules.map((rule) => rule.source.document))];
  assert.equal(
    testsuites.testsuite.map((item) => item.name),
    ['CONV', 'CS', 'AFAS'].filter((document) => documents.includes(document)),
  );
  const cases = testsuites.testsuite.flatMap((item) => item.testcase);
  const failing = cases.filter((item) => item.failure);
  assert.is(failing.length, report.findings.length);
  const notEvaluated = report.rules.filter((rule) => rule.status === 'not_evaluated');
  assert.is(cases.filter((item) => item.skipped).length, notEvaluated.length);
  const passed = report.rules.filter((rule) => rule.status === 'passed');
  assert.is(cases.length, report.findings.length + notEvaluated.length + passed.length);
  assert.is(Number(testsuites.tests), cases.length);
  assert.is(Number(testsuites.failures), failing.length);
  for (const item of testsuites.testsuite) {
    assert.is(Number(item.tests), item.testcase.length, item.name);
    assert.is(Number(item.failures), item.testcase.filter((testCase) => testCase.failure).length, item.name);
  }
});

junit('a failure carries the message, the clause and the evidence', async () => {
  const report = await ca2cReport();
  const { testsuites } = parse(formatJunit(report, options));
  const conv = testsuites.testsuite.find((item) => item.name === 'CONV');
  const departed = conv?.testcase.find((item) => item.classname === 'HAB-DEPARTED-USER');
  const finding = report.findings.find((item) => item.ruleId === 'HAB-DEPARTED-USER');
  assert.ok(departed?.failure && finding);
  assert.is(departed?.name, `utilisateur ${finding?.subject.id}`);
  assert.is(departed?.failure?.type, 'error');
  assert.is(departed?.failure?.message, finding?.message);
  assert.match(departed?.failure?.['#text'] ?? '', 'Convention (CONV) art. 9.2 : «');
  assert.match(departed?.failure?.['#text'] ?? '', `${CA2C}/users.csv:${finding?.evidence.find((item) => item.file === 'users.csv')?.line}`);
  const gdpr = conv?.testcase.find((item) => item.classname === 'CONV-OPENED-BEFORE-GDPR');
  assert.match(gdpr?.skipped?.message ?? '', 'convention.gdpr_formalities_on');
});

junit('a passing case is named after the obligation kept, never after the breach', async () => {
  const report = await ca2cReport();
  const cases = parse(formatJunit(report, options)).testsuites.testsuite.flatMap((item) => item.testcase);
  const passed = report.rules.filter((rule) => rule.status === 'passed');
  assert.ok(passed.length > 0);
  for (const rule of passed) {
    const testCase = cases.find((item) => item.classname === rule.id);
    assert.is(testCase?.name, rule.obligation, rule.id);
    assert.is.not(rule.obligation, rule.title, rule.id);
  }
  assert.is(cases.find((item) => item.classname === 'HAB-SERVICE-NOT-SUBSCRIBED')?.name, 'Habilitations sur les seuls services souscrits');
});

junit('markup and control characters are escaped, text comes back intact', async () => {
  const report = await ca2cReport();
  const nasty = `a <b> & "c" 'd' ]]> \u0001 e\nf`;
  const tricky: Report = {
    ...report,
    findings: [{ ...report.findings[0], message: nasty, subject: { type: 'facility', id: '<EQ & "1">' } }, ...report.findings.slice(1)],
  };
  const { testsuites } = parse(formatJunit(tricky, options));
  const failing = testsuites.testsuite.flatMap((item) => item.testcase).find((item) => item.name === 'équipement <EQ & "1">');
  assert.ok(failing, 'the subject survives escaping');
  assert.is(failing?.failure?.message, nasty.replace('\u0001', ''));
});

junit('waived findings are skipped, notices and resolved findings are reported', async () => {
  const report = await ca2cReport();
  const waived = applyWaivers(
    report,
    [
      { rule: 'GOV-DEPUTY-MISSING', reason: 'suppléant en cours', approvedBy: 'Caf du Nord', expiresOn: '2024-12-31', file: 'waivers.yaml', line: 2, column: 5 },
      { rule: 'HAB-DEPARTED-USER', reason: 'ancien', approvedBy: 'Caf du Nord', expiresOn: '2024-01-31', file: 'waivers.yaml', line: 8, column: 5 },
    ],
    'fr',
  );
  const compared = applyBaseline(waived, { findings: [{ ruleId: 'AFAS-D2-QUOTA', fingerprint: 'gone', subject: { type: 'facility', id: 'EQ-CTG' }, message: 'trop de D2' }] });
  const { testsuites } = parse(formatJunit(compared, options));
  const cases = testsuites.testsuite.flatMap((item) => item.testcase);
  const deputy = cases.find((item) => item.classname === 'GOV-DEPUTY-MISSING');
  assert.not.ok(deputy?.failure);
  assert.match(deputy?.skipped?.message ?? '', 'dérogation accordée par Caf du Nord');
  const run = testsuites.testsuite.find((item) => item.name === 'vigie');
  assert.is(run?.testcase[0].failure?.type, 'waiver-expired');
  assert.match(run?.testcase[0].failure?.message ?? '', 'expirée le 31/01/2024');
  const afas = testsuites.testsuite.find((item) => item.name === 'AFAS');
  const resolved = afas?.testcase.find((item) => item.name === 'équipement EQ-CTG (résolu)');
  assert.ok(resolved && !resolved.failure);
  assert.match(resolved?.['system-out'] ?? '', 'trop de D2');
});

junit('a portfolio names each suite after its partner; output is byte-stable', async () => {
  const report = await ca2cReport();
  const other = { ...report, snapshot: { ...report.snapshot, partner: 'Autre & Cie' } };
  const { testsuites } = parse(formatJunitPortfolio([report, other], options));
  assert.ok(testsuites.testsuite.some((item) => item.name === 'Autre & Cie — CONV'));
  assert.is(formatJunit(report, options), formatJunit(report, options));
});

junit.run();
