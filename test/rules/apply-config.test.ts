import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { errorLine } from '../../src/diagnostics/display-error.js';
import { applyConfig } from '../../src/rules/apply-config.js';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { fromRuleFileError } from '../../src/rules/rule-error.js';

/** How ajv words its errors: none of it may reach the user. */
const AJV_ENGLISH = /required property|must match|must NOT|must be (string|boolean|object|integer|number|array|equal)\b/;
const config = suite('rules: reading --config');
const { rules } = loadRules([BUNDLED_RULES]);
const FILE = 'test/rules/fixtures/bad-config.yaml';
const lines = (path: string, lang: 'fr' | 'en') => applyConfig(rules, path).errors.map((error) => errorLine(fromRuleFileError(error, lang)));

config('schema and meaning errors together, in one run, each at its place, in French', () => {
  assert.equal(lines(FILE, 'fr'), [
    `${FILE}:3:15: configuration invalide : valeur inconnue pour « severity » : attendu error, warning, info (fatal)`,
    `${FILE}:5:14: durée ISO 8601 invalide (un mois)`,
    `${FILE}:7:14: configuration invalide : « enabled » doit être un booléen (true ou false) (maybe)`,
    `${FILE}:9:15: configuration invalide : « period » doit être un texte (12)`,
    `${FILE}:10:16: paramètre inconnu de la règle (cadence)`,
    `${FILE}:12:5: règle inconnue dans la configuration (NO-SUCH-RULE)`,
    `${FILE}:14:16: durée ISO 8601 invalide (un an)`,
    `${FILE}:15:12: configuration invalide : clé inconnue « horizon »`,
    `${FILE}:16:9: configuration invalide : clé inconnue « colour »`,
  ]);
});

config('the same in English, with no library text', () => {
  const english = lines(FILE, 'en');
  assert.is(english.length, 9);
  assert.is(english[0], `${FILE}:3:15: invalid configuration: unknown value for "severity": expected error, warning, info (fatal)`);
  assert.is(english[8], `${FILE}:16:9: invalid configuration: unknown key "colour"`);
  assert.ok(english.every((line) => !AJV_ENGLISH.test(line)));
});

config('waivers.max_horizon: the horizon of the run when valid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
  try {
    writeFileSync(join(dir, 'config.yaml'), 'waivers:\n  max_horizon: P6M\n');
    const configured = applyConfig(rules, join(dir, 'config.yaml'));
    assert.equal(configured.errors, []);
    assert.is(configured.waiverHorizon, 'P6M');
    assert.is(applyConfig(rules, undefined).waiverHorizon, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

config('bounded: /dev/zero, a folder, a file over 1 MiB, a missing file, a YAML error in words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
  try {
    const started = Date.now();
    assert.equal(lines('/dev/zero', 'fr'), ["/dev/zero:1:1: fichier illisible : ce n'est pas un fichier ordinaire mais un périphérique"]);
    assert.ok(Date.now() - started < 2000, '/dev/zero is refused before any read');
    assert.equal(lines(dir, 'en').map((line) => line.replace(dir, 'DIR')), ['DIR:1:1: cannot read file: not a regular file but a folder']);
    writeFileSync(join(dir, 'large.yaml'), `rules: {}\n#${'x'.repeat(2 * 1024 * 1024)}\n`);
    assert.equal(lines(join(dir, 'large.yaml'), 'fr').map((line) => line.replace(dir, 'DIR')), [
      'DIR/large.yaml:1:1: fichier illisible : fichier trop volumineux (2 Mio, au plus 1 Mio)',
    ]);
    assert.equal(lines(join(dir, 'absent.yaml'), 'fr').map((line) => line.replace(dir, 'DIR')), ['DIR/absent.yaml:1:1: fichier illisible : introuvable']);
    writeFileSync(join(dir, 'syntax.yaml'), 'rules:\n  GOV-REVIEW-OVERDUE:\n    enabled: false\n   - oops\n');
    assert.equal(lines(join(dir, 'syntax.yaml'), 'en').map((line) => line.replace(dir, 'DIR')), [
      'DIR/syntax.yaml:4:1: invalid YAML: two "key:" on one line',
      'DIR/syntax.yaml:4:4: invalid YAML: a key must fit on one line',
      'DIR/syntax.yaml:4:4: invalid YAML: missing character (quote, comma, colon, bracket or brace)',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

config.run();
