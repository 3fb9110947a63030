import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyBaseline, previousReportFor } from '../../src/baseline/apply-baseline.js';
import { exitCodeFor } from '../../src/report/exit-code.js';
import { formatText } from '../../src/format/check/format-text.js';
import { ca2cReport } from '../format/ca2c-report.js';

const apply = suite('baseline: comparing with a previous report');

apply('the same findings: all existing, nothing resolved, exit 0', async () => {
  const report = await ca2cReport();
  const compared = applyBaseline(report, { findings: report.findings });
  assert.ok(compared.findings.every((finding) => finding.baseline === 'existing'));
  assert.equal(compared.resolved, []);
  assert.is(exitCodeFor(report, 'error'), 1);
  assert.is(exitCodeFor(compared, 'error'), 0);
  assert.equal(compared.summary, report.summary, 'the summary still counts every finding');
});

apply('a finding absent from the baseline is new and fails the run; gone ones are resolved', async () => {
  const report = await ca2cReport();
  const deputy = report.findings.find((finding) => finding.ruleId === 'GOV-DEPUTY-MISSING');
  const previous = report.findings.filter((finding) => finding !== deputy);
  const gone = { ruleId: 'AFAS-D2-QUOTA', fingerprint: 'f00', severity: 'error' as const, message: 'trop de D2', subject: { type: 'facility', id: 'EQ-CTG' } };
  const compared = applyBaseline(report, { findings: [...previous, gone, gone] });
  assert.equal(
    compared.findings.filter((finding) => finding.baseline === 'new').map((finding) => finding.ruleId),
    ['GOV-DEPUTY-MISSING'],
  );
  assert.is(exitCodeFor(compared, 'error'), 1);
  assert.equal(compared.resolved, [gone]);
  const text = formatText(compared, { lang: 'fr' });
  assert.match(text, 'GOV-DEPUTY-MISSING  partenaire 20003063300198 [nouveau]');
  assert.match(text, 'Résolus depuis la référence (1)\n  ✔ AFAS-D2-QUOTA  équipement EQ-CTG — trop de D2');
  assert.match(text, 'Référence : 1 nouveau(x), ');
  // A new warning does not fail a run that fails on errors only.
  const onlyWarningNew = applyBaseline(report, { findings: report.findings.filter((finding) => finding.severity === 'error') });
  assert.is(exitCodeFor(onlyWarningNew, 'error'), 0);
  assert.is(exitCodeFor(onlyWarningNew, 'warning'), 1);
});

apply('the previous report of the same partner: SIRET, then path, then the only one', async () => {
  const report = await ca2cReport();
  const same = { snapshot: { siret: '20003063300198', path: 'elsewhere' }, findings: [] };
  const other = { snapshot: { siret: '21590999900017', path: report.snapshot.path }, findings: [] };
  assert.is(previousReportFor(report, [other, same], false), same);
  assert.is(previousReportFor(report, [{ snapshot: { path: report.snapshot.path }, findings: [] }], false)?.snapshot?.path, report.snapshot.path);
  const moved = { snapshot: { path: 'old/place' }, findings: [] };
  assert.is(previousReportFor(report, [moved], true), moved);
  assert.is(previousReportFor(report, [moved], false), undefined);
  assert.is(previousReportFor(report, [{ snapshot: { siret: '21590999900017' }, findings: [] }], true), undefined);
});

apply.run();
