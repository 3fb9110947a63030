import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { resolve } from 'node:path';
import type { Report } from '../../../src/report/report-types.js';
import { formatSarif, formatSarifPortfolio } from '../../../src/format/check/format-sarif.js';
import { applyWaivers } from '../../../src/waivers/apply-waivers.js';
import { applyBaseline } from '../../../src/baseline/apply-baseline.js';
import { ca2cReport, CA2C } from '../ca2c-report.js';
import { sarifValidator } from '../sarif-validator.js';

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
  suppressions?: { kind: string; status: string; justification: string }[];
}
interface SarifRun {
  tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string } }[] } };
  results: SarifResult[];
  invocations: { toolExecutionNotifications: { message: { text: string }; associatedRule?: { id: string } }[] }[];
  automationDetails?: { id: string };
  properties: { resolved?: { ruleId: string }[] };
}

const sarif = suite('format: SARIF');
const options = { lang: 'fr' as const, baseDir: process.cwd() };
const parse = (text: string) => JSON.parse(text) as { version: string; runs: SarifRun[] };

/** The CA2C report with a waiver, an expired waiver, a baseline and a skipped row: every optional part of the output. */
async function fullReport(): Promise<Report> {
  const report = await ca2cReport();
  const waived = applyWaivers(
    report,
    [
      { rule: 'GOV-DEPUTY-MISSING', reason: 'suppléant en cours de désignation', approvedBy: 'Caf du Nord', expiresOn: '2024-12-31', file: 'waivers.yaml', line: 2, column: 5 },
      { rule: 'HAB-DEPARTED-USER', reason: 'ancien', approvedBy: 'Caf du Nord', expiresOn: '2024-01-31', file: 'waivers.yaml', line: 8, column: 5 },
    ],
    'fr',
  );
  const withBaseline = applyBaseline(waived, {
    findings: [...report.findings.slice(1).map((finding) => ({ ruleId: finding.ruleId, fingerprint: finding.fingerprint })), { ruleId: 'AFAS-D2-QUOTA', fingerprint: 'gone' }],
  });
  return { ...withBaseline, skipped: [{ file: 'users.csv', line: 4, errors: ['date impossible'] }] };
}

sarif('validates against the official SARIF 2.1.0 schema', async () => {
  const validate = sarifValidator();
  const report = await ca2cReport();
  for (const log of [formatSarif(report, options), formatSarif(await fullReport(), options), formatSarifPortfolio([report, report], options)]) {
    const result = validate(JSON.parse(log));
    assert.ok(result.valid, result.errors);
  }
  // The validator can fail: a result without a message is not SARIF.
  const broken = JSON.parse(formatSarif(report, options));
  delete broken.runs[0].results[0].message;
  assert.not.ok(validate(broken).valid);
});

sarif('carries what GitHub code scanning requires', async () => {
  const report = await ca2cReport();
  const [run] = parse(formatSarif(report, options)).runs;
  assert.is(run.tool.driver.name, 'vigie');
  const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
  assert.equal(ruleIds, report.rules.map((rule) => rule.id));
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text, rule.id);
  }
  const deputy = run.tool.driver.rules.find((rule) => rule.id === 'GOV-DEPUTY-MISSING');
  assert.match(deputy?.help.text ?? '', 'Convention (CONV) art. 9.1 : « En mode délégué');
  assert.is(run.results.length, report.findings.length);
  for (const [index, result] of run.results.entries()) {
    const finding = report.findings[index];
    assert.is(result.ruleId, finding.ruleId);
    assert.is(ruleIds[result.ruleIndex ?? -1], finding.ruleId);
    assert.is(result.level, { error: 'error', warning: 'warning', info: 'note' }[finding.severity]);
    assert.is(result.message.text, finding.message);
    assert.equal(Object.values(result.partialFingerprints), [finding.fingerprint]);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.is(artifactLocation.uri, `${CA2C}/${finding.evidence[0].file}`);
    assert.is(region?.startLine, finding.evidence[0].line);
    assert.is((result.relatedLocations ?? []).length, finding.evidence.length - 1);
  }
});

sarif('a finding without evidence points at partner.yaml; absolute snapshot paths become relative', async () => {
  const report = await ca2cReport();
  const bare: Report = {
    ...report,
    snapshot: { ...report.snapshot, path: resolve(CA2C) },
    findings: [{ ...report.findings[0], evidence: [] }, ...report.findings.slice(1)],
  };
  const [run] = parse(formatSarif(bare, options)).runs;
  assert.is(run.results[0].locations[0].physicalLocation.artifactLocation.uri, `${CA2C}/partner.yaml`);
  assert.is(run.results[1].locations[0].physicalLocation.artifactLocation.uri, `${CA2C}/${report.findings[1].evidence[0].file}`);
});

sarif('waivers, baseline, notices, rules not evaluated and resolved findings', async () => {
  const report = await fullReport();
  const [run] = parse(formatSarif(report, options)).runs;
  const deputy = run.results.find((result) => result.ruleId === 'GOV-DEPUTY-MISSING');
  assert.equal(deputy?.suppressions?.map((item) => [item.kind, item.status]), [['external', 'accepted']]);
  assert.match(deputy?.suppressions?.[0].justification ?? '', 'suppléant en cours de désignation');
  assert.is(run.results[0].baselineState, 'new');
  assert.is(run.results[1].baselineState, 'unchanged');
  const expired = run.results.find((result) => result.ruleId === 'vigie/waiver-expired');
  assert.ok(expired, 'the expired waiver is a result');
  assert.is(expired?.level, 'warning');
  assert.is(expired?.locations[0].physicalLocation.artifactLocation.uri, 'waivers.yaml');
  assert.is(expired?.locations[0].physicalLocation.region?.startLine, 8);
  assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'vigie/waiver-expired'));
  const notifications = run.invocations[0].toolExecutionNotifications;
  const notEvaluated = report.rules.filter((rule) => rule.status === 'not_evaluated').map((rule) => rule.id);
  assert.equal(notifications.filter((item) => item.associatedRule).map((item) => item.associatedRule?.id), notEvaluated);
  assert.ok(notifications.some((item) => item.message.text.includes('date impossible')));
  assert.equal(run.properties.resolved?.map((finding) => finding.ruleId), ['AFAS-D2-QUOTA']);
});

sarif('a portfolio is one run per snapshot, each with its own category', async () => {
  const report = await ca2cReport();
  const other = { ...report, snapshot: { ...report.snapshot, path: 'samples/exemple-conforme' } };
  const { runs } = parse(formatSarifPortfolio([report, other], options));
  assert.equal(runs.map((run) => run.automationDetails?.id), [`vigie/${CA2C}/`, 'vigie/samples/exemple-conforme/']);
});

sarif('output is byte-stable', async () => {
  const report = await fullReport();
  assert.is(formatSarif(report, options), formatSarif(report, options));
});

sarif.run();
