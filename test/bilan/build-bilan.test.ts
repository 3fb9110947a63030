import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildBilan } from '../../src/bilan/build-bilan.js';
import type { BilanRule } from '../../src/bilan/bilan-types.js';
import { ca2cReport } from '../format/ca2c-report.js';
import { fixtureBilan } from './bilan-fixtures.js';

const build = suite('bilan: model');

function ruleOf(rules: readonly BilanRule[], id: string): BilanRule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

build('documents in contract order, articles by number, every obligation once', async () => {
  const report = await ca2cReport();
  const bilan = buildBilan(report);
  assert.equal(
    bilan.documents.map((document) => document.document),
    ['CONV', 'CS', 'AFAS'],
  );
  for (const document of bilan.documents) {
    const articles = document.articles.map((article) => article.article);
    const sorted = [...articles].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    assert.equal(articles, sorted, document.document);
  }
  const obligations = report.rules.filter((rule) => rule.category === 'obligation');
  const listed = bilan.documents.flatMap((document) => document.articles.flatMap((article) => article.rules.map((rule) => rule.id)));
  assert.equal([...listed].sort(), obligations.map((rule) => rule.id).sort());
  assert.ok(bilan.recommendations.every((rule) => rule.category === 'recommendation'));
  assert.ok(bilan.recommendations.length > 0);
  assert.is(bilan.previous, undefined);
});

build('statuses: failed is non compliant, not evaluated is not verifiable with why, other mode is compliant and not applicable', async () => {
  const report = await ca2cReport();
  const bilan = buildBilan(report);
  const rules = bilan.documents.flatMap((document) => document.articles.flatMap((article) => article.rules));
  for (const status of report.rules.filter((rule) => rule.category === 'obligation')) {
    const rule = ruleOf(rules, status.id);
    const expected = { failed: 'non_compliant', waived: 'non_compliant', passed: 'compliant', not_evaluated: 'not_verifiable' }[status.status];
    assert.is(rule.status, expected, status.id);
    assert.is(rule.findings.length, report.findings.filter((finding) => finding.ruleId === status.id).length);
    if (status.status === 'not_evaluated') assert.ok(rule.reason, status.id);
  }
  const notApplicable = ruleOf(rules, 'HAB-CHANGE-NOT-REPORTED');
  assert.is(notApplicable.status, 'compliant');
  assert.ok(notApplicable.notApplicable);
  assert.match(notApplicable.reason ?? '', 'mode délégué');
  const total = bilan.counts.compliant + bilan.counts.nonCompliant + bilan.counts.notVerifiable;
  assert.is(total, report.rules.filter((rule) => rule.category === 'obligation').length);
  const perArticle = bilan.documents.flatMap((document) => document.articles).reduce((sum, article) => sum + article.counts.nonCompliant, 0);
  assert.is(perArticle, bilan.counts.nonCompliant);
});

build('--previous: a finding that appeared, one resolved, one persisting, counts then and now', async () => {
  const bilan = await fixtureBilan();
  const rules = bilan.documents.flatMap((document) => document.articles.flatMap((article) => article.rules));
  const departed = ruleOf(rules, 'HAB-DEPARTED-USER');
  assert.is(departed.status, 'non_compliant');
  assert.equal(departed.findings.map((finding) => [finding.subject.id, finding.change]), [['U003', 'appeared']]);
  assert.equal(departed.previous, { status: 'compliant', findings: 0 });

  const quota = ruleOf(rules, 'AFAS-D3-QUOTA');
  assert.is(quota.status, 'compliant');
  assert.is(quota.findings.length, 0);
  assert.equal(quota.resolved.map((finding) => finding.subject?.id), ['EQ-A']);
  assert.equal(quota.previous, { status: 'non_compliant', findings: 1 });

  const officer = ruleOf(rules, 'GOV-SECURITY-OFFICER-MISSING');
  assert.equal(officer.findings.map((finding) => finding.change), ['persisting']);

  assert.ok(bilan.previous);
  assert.is(bilan.previous?.asOf, '2023-06-30');
  assert.is(bilan.asOf, '2024-06-30');
  assert.is(bilan.previous?.appeared, 1);
  assert.is(bilan.previous?.resolved, 1);
  assert.is(bilan.previous?.persisting, 1);
  assert.is(bilan.previous?.counts.findings, 2);
  assert.is(bilan.counts.findings, 2);
  const afas = bilan.documents.find((document) => document.document === 'AFAS')?.articles.find((article) => article.article === '1.1');
  assert.is(afas?.previousCounts?.findings, 1);
  assert.is(afas?.counts.findings, 0);
});

build('without --previous, nothing is marked appeared or persisting', async () => {
  const bilan = await fixtureBilan('fr', false);
  const findings = bilan.documents.flatMap((document) => document.articles.flatMap((article) => article.rules.flatMap((rule) => rule.findings)));
  assert.ok(findings.length > 0);
  assert.ok(findings.every((finding) => finding.change === undefined));
  assert.ok(bilan.documents.every((document) => document.articles.every((article) => article.previousCounts === undefined)));
});

build.run();
