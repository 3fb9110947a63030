import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadBaseline } from '../../src/baseline/load-baseline.js';
import { errorLine } from '../../src/diagnostics/display-error.js';
import { formatJson, formatJsonPortfolio } from '../../src/format/check/format-json.js';
import { ca2cReport } from '../format/ca2c-report.js';

const load = suite('baseline: reading --baseline');
const fixture = (name: string) => `test/baseline/fixtures/${name}.json`;

load('a previous --format json output, single or portfolio', async () => {
  const report = await ca2cReport();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-baseline-'));
  try {
    writeFileSync(join(dir, 'one.json'), formatJson(report));
    writeFileSync(join(dir, 'many.json'), formatJsonPortfolio([report, report]));
    const one = loadBaseline(join(dir, 'one.json'), 'fr');
    assert.equal(one.errors, []);
    assert.is(one.reports.length, 1);
    assert.equal(one.reports[0].findings.map((finding) => finding.fingerprint), report.findings.map((finding) => finding.fingerprint));
    assert.is(one.reports[0].snapshot?.siret, '20003063300198');
    assert.is(loadBaseline(join(dir, 'many.json'), 'fr').reports.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

load('not a report: positioned errors', () => {
  assert.equal(loadBaseline(fixture('no-fingerprint'), 'en').errors.map(errorLine), [
    `${fixture('no-fingerprint')}:4:5: the baseline is not a vigie --format json output: /findings/1 must have required property 'fingerprint'`,
  ]);
  assert.equal(loadBaseline(fixture('errors-output'), 'fr').errors.map(errorLine), [
    `${fixture('errors-output')}:1:1: la référence n'est pas une sortie --format json de vigie : / must have required property 'findings'`,
  ]);
  const [syntax] = loadBaseline(fixture('syntax'), 'fr').errors;
  assert.is(syntax.code, 'baseline-syntax');
  assert.is(syntax.line, 5);
  assert.match(errorLine(syntax), /^test\/baseline\/fixtures\/syntax\.json:5:\d+: JSON invalide : /);
  assert.match(errorLine(loadBaseline(fixture('absent'), 'en').errors[0]), /^test\/baseline\/fixtures\/absent\.json:1:1: cannot read the baseline: /);
});

load.run();
