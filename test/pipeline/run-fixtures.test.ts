import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runFixtures } from '../../src/pipeline/run-fixtures.js';
import { fromRuleFileError } from '../../src/rules/rule-error.js';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';

const fixtures = suite('pipeline: vigie rules test');
const catalogue = loadRules([BUNDLED_RULES]);

/** Cases of GOV-DEPUTY-MISSING with wrong expectations: a failing case expected to pass, a passing one expected to fail. */
const WRONG = `rule: GOV-DEPUTY-MISSING
cases:
  - name: attentes fausses
    snapshot:
      partner: {name: Test, siret: "20003063300198", management_mode: delegated}
      contacts: [{role: administrator, last_name: HUYGEN, email: chuygen@caudresis-catesis.fr}]
    expect: {status: passed, subjects: ["A", "B"], evidence: 3}
  - name: sans objet en mode centralisé
    snapshot:
      partner: {name: Test, siret: "20003063300198", management_mode: gestion centralisée}
      contacts: [{role: administrator, last_name: HUYGEN, email: chuygen@caudresis-catesis.fr}]
    expect: {status: failed}
`;

fixtures('a case that differs: its problems in the words of the run, statuses as the reports name them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-fixtures-'));
  try {
    writeFileSync(join(dir, 'GOV-DEPUTY-MISSING.tests.yaml'), WRONG);
    const french = await runFixtures([dir], catalogue.rules, catalogue.shared, 'fr');
    assert.equal(french.errors, []);
    assert.equal(french.cases.map((result) => result.problems), [
      ['statut non respectée, attendu respectée', 'sujets [20003063300198], attendus [A, B]', '1 preuve(s), attendu 3'],
      ['statut respectée (sans objet en mode centralisé : la Caf gère les habilitations), attendu non respectée'],
    ]);
    const english = await runFixtures([dir], catalogue.rules, catalogue.shared, 'en');
    assert.equal(english.cases.map((result) => result.problems), [
      ['status failed, expected passed', 'subjects [20003063300198], expected [A, B]', '1 evidence item(s), expected 3'],
      ['status passed (not applicable in centralised mode: the Caf manages grants), expected failed'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

fixtures('the fixture walk: a dangling link is a located error, not a crash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-fixtures-'));
  try {
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'gone.tests.yaml'), join(dir, 'sub', 'GOV-DEPUTY-MISSING.tests.yaml'));
    const run = await runFixtures([dir], catalogue.rules, catalogue.shared, 'en');
    assert.equal(
      run.errors.map((error) => fromRuleFileError(error, 'en').message),
      ['cannot read file: symbolic link to a missing file'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

fixtures.run();
