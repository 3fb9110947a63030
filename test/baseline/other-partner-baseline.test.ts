import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { otherPartnerBaseline } from '../../src/baseline/other-partner-baseline.js';
import { ca2cReport } from '../format/ca2c-report.js';
import { runCli } from '../cli/run-cli.js';

const other = suite('baseline: a previous report of another partner is an error');
let dir = '';

other.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-baseline-partner-'));
});
other.after(() => rmSync(dir, { recursive: true, force: true }));

other('which previous report belongs to another partner', async () => {
  const report = await ca2cReport();
  const mine = { snapshot: { siret: '20003063300198', path: 'elsewhere' }, findings: [] };
  const theirs = { snapshot: { siret: '21590999900017', path: 'samples/exemple-conforme' }, findings: [] };
  const atMyPath = { snapshot: { siret: '21590999900017', path: report.snapshot.path }, findings: [] };
  const noSiret = { snapshot: { path: 'old/place' }, findings: [] };
  assert.is(otherPartnerBaseline(report, [theirs], true), theirs, 'a lone report of another SIRET');
  assert.is(otherPartnerBaseline(report, [theirs, { ...theirs, snapshot: { siret: '1', path: 'x' } }], true), theirs, 'a portfolio of others only');
  assert.is(otherPartnerBaseline(report, [theirs, mine], true), undefined, 'the same SIRET is in it');
  assert.is(otherPartnerBaseline(report, [noSiret], true), undefined, 'no SIRET: no evidence');
  assert.is(otherPartnerBaseline(report, [theirs, noSiret], true), undefined);
  assert.is(otherPartnerBaseline(report, [atMyPath], false), atMyPath, 'another SIRET at the partner\'s path, in a portfolio');
  assert.is(otherPartnerBaseline(report, [theirs], false), undefined, 'a partner new to a portfolio');
  assert.is(otherPartnerBaseline({ ...report, snapshot: { ...report.snapshot, siret: undefined } }, [theirs], true), undefined);
});

other('vigie check --baseline of another SIRET: exit 2 at the SIRET of the baseline, nothing compared', () => {
  const baseline = join(dir, 'conforme.json');
  const made = runCli(['check', 'samples/exemple-conforme', '--format', 'json', '--output', baseline]);
  assert.is(made.code, 0, made.stderr);
  const line = readFileSync(baseline, 'utf8').split('\n').findIndex((text) => text.includes('"siret": "21590999900017"')) + 1;
  assert.ok(line > 0);
  const run = runCli(['check', 'samples/ca2c-2023', '--baseline', baseline]);
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, `${baseline}:${line}:`);
  assert.match(run.stderr, ": --baseline : SIRET d'un autre partenaire que celui de samples/ca2c-2023 (20003063300198) (21590999900017)");
  const english = runCli(['check', 'samples/ca2c-2023', '--baseline', baseline, '--lang', 'en', '--format', 'json']);
  assert.is(english.code, 2);
  assert.match(english.stdout, '--baseline: SIRET of another partner than that of samples/ca2c-2023 (20003063300198)');
  // The same partner's baseline is still compared.
  assert.is(runCli(['check', 'samples/exemple-conforme', '--baseline', baseline]).code, 0);
});

other('in a portfolio, another SIRET at a partner\'s path is an error too', () => {
  const baseline = join(dir, 'portfolio.json');
  const made = runCli(['check', 'samples/exemple-conforme', 'samples/ca2c-2023', '--format', 'json', '--output', baseline]);
  assert.is(made.code, 1, made.stderr);
  const swapped = readFileSync(baseline, 'utf8').replaceAll('"siret": "20003063300198"', '"siret": "11111111111111"');
  writeFileSync(baseline, swapped);
  const run = runCli(['check', 'samples/exemple-conforme', 'samples/ca2c-2023', '--baseline', baseline]);
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, "--baseline : SIRET d'un autre partenaire que celui de samples/ca2c-2023 (20003063300198) (11111111111111)");
});

other.run();
