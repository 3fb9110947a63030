import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
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

load('a subject label of the wrong shape is refused at its place: the resolved findings show it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-baseline-'));
  try {
    const finding = (label: unknown) => ({ ruleId: 'GOV-CONTACT-INCOMPLETE', fingerprint: 'f1', subject: { type: 'contact', id: 'administrator a@b.fr', label } });
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ findings: [finding({ fr: 'administrateur a@b.fr', en: 'administrator a@b.fr' })] }, null, 2));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ findings: [finding('administrateur a@b.fr')] }, null, 2));
    const good = loadBaseline(join(dir, 'good.json'), 'fr');
    assert.equal(good.errors, []);
    assert.equal(good.reports[0].findings[0].subject?.label, { fr: 'administrateur a@b.fr', en: 'administrator a@b.fr' });
    const bad = loadBaseline(join(dir, 'bad.json'), 'en').errors.map(errorLine);
    assert.is(bad.length, 1, bad.join('\n'));
    assert.is(bad[0], `${join(dir, 'bad.json')}:9:18: the baseline is not a vigie --format json output: "label" must be an object (key: value) (administrateur a@b.fr)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

load('not a report: positioned errors in vigie words', () => {
  assert.equal(loadBaseline(fixture('no-fingerprint'), 'en').errors.map(errorLine), [
    `${fixture('no-fingerprint')}:4:5: the baseline is not a vigie --format json output: required key "fingerprint" missing`,
  ]);
  assert.equal(loadBaseline(fixture('errors-output'), 'fr').errors.map(errorLine), [
    `${fixture('errors-output')}:1:1: la référence n'est pas une sortie --format json de vigie : clé obligatoire « findings » absente`,
  ]);
  assert.equal(loadBaseline(fixture('syntax'), 'fr').errors.map(errorLine), [
    `${fixture('syntax')}:5:13: JSON invalide : indentation incorrecte`,
    `${fixture('syntax')}:5:14: JSON invalide : caractère manquant (guillemet, virgule, deux-points, crochet ou accolade)`,
  ]);
  assert.equal(loadBaseline(fixture('yaml-not-json'), 'en').errors.map(errorLine), [
    `${fixture('yaml-not-json')}:3:1: invalid JSON: YAML text but not JSON (a comment, a trailing comma, single quotes?)`,
  ]);
  assert.equal(loadBaseline(fixture('absent'), 'en').errors.map(errorLine), [`${fixture('absent')}:1:1: cannot read the baseline: not found`]);
  assert.equal(loadBaseline(fixture('absent'), 'fr').errors.map(errorLine), [`${fixture('absent')}:1:1: référence illisible : introuvable`]);
});

load('bounded: over 64 MiB or not a regular file, refused before anything is read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-baseline-'));
  try {
    // A sparse file: its size says 65 MiB, a read would take them all.
    const large = join(dir, 'large.json');
    writeFileSync(large, '');
    truncateSync(large, 65 * 1024 * 1024);
    assert.equal(loadBaseline(large, 'fr').errors.map((error) => [error.line, error.column, error.message]), [
      [1, 1, 'référence illisible : fichier trop volumineux (65 Mio, au plus 64 Mio)'],
    ]);
    assert.equal(loadBaseline('/dev/zero', 'en').errors.map((error) => error.message), ['cannot read the baseline: not a regular file but a device']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

load.run();
