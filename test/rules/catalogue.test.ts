import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { errorLine } from '../../src/diagnostics/display-error.js';
import { fromRuleFileError } from '../../src/rules/rule-error.js';

const catalogue = suite('rule catalogue');
const { rules, errors } = loadRules([BUNDLED_RULES]);

// The contract is extracted from a PDF: line breaks and non-breaking spaces vary, words do not.
const normalize = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const contract = normalize(readFileSync(new URL('../../rules/_sources/convention-mon-compte-partenaire-ca2c-2023.txt', import.meta.url), 'utf8'));

catalogue('the bundled rules load without error', () => {
  assert.equal(errors, []);
  assert.ok(rules.length >= 29, `${rules.length} rules`);
});

// « […] » joins sentences apart in the text (AFAS-SCOPE-LEVEL quotes the level of each profile): each part is verbatim, in that order.
const quoted = (quote: string) => {
  let from = 0;
  for (const part of normalize(quote).split(' […] ')) {
    const at = contract.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
};

catalogue('every quote is verbatim from the signed contract', () => {
  const missing = rules.filter((rule) => !quoted(rule.source.quote)).map((rule) => rule.id);
  assert.equal(missing, []);
});

catalogue('a quote in parts is checked part by part, in the order of the text', () => {
  assert.ok(quoted('Le consultant est habilité au niveau équipement/service.'));
  assert.ok(quoted('Le fournisseur de données financières est habilité au niveau équipement/service. […] Le consultant est habilité au niveau équipement/service.'));
  assert.not.ok(quoted('Le consultant est habilité au niveau équipement/service. […] Le fournisseur de données financières est habilité au niveau équipement/service.'));
  assert.not.ok(quoted('Le fournisseur de données financières est habilité au niveau équipement/service. […] Le consultant est habilité au niveau du lieu.'));
});

catalogue('rule IDs are unique and files are named after them', () => {
  assert.is(new Set(rules.map((rule) => rule.id)).size, rules.length);
  for (const rule of rules) assert.ok(rule.file.endsWith(`${rule.id}.yaml`), rule.file);
});

catalogue('recommendations are info, obligations are not', () => {
  for (const rule of rules) {
    if (rule.category === 'recommendation') assert.is(rule.severity, 'info', rule.id);
    if (rule.id.startsWith('BP-')) assert.is(rule.category, 'recommendation', rule.id);
  }
});

catalogue('every rule names its obligation beside its breach, in both languages, on the line after its title', () => {
  for (const rule of rules) {
    for (const lang of ['fr', 'en'] as const) {
      assert.ok(rule.obligation[lang].trim() !== '', `${rule.id} ${lang}`);
      assert.is.not(rule.obligation[lang], rule.title[lang], `${rule.id} ${lang}: the obligation is not the breach`);
    }
    const lines = readFileSync(rule.file, 'utf8').split('\n');
    const title = lines.indexOf('title:');
    assert.ok(lines[title + 3].startsWith('obligation: {fr: '), `${rule.id}: ${lines[title + 3]}`);
  }
});

catalogue('a rule without an obligation is a schema error at its place, in the user\'s words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-obligation-'));
  try {
    const text = readFileSync(join(BUNDLED_RULES, 'practice/BP-SIRET-INVALID.yaml'), 'utf8').replace(/^obligation: .*\n/m, '');
    writeFileSync(join(dir, 'LOCAL-SIRET.yaml'), text.replace(/BP-SIRET-INVALID/g, 'LOCAL-SIRET'));
    const loaded = loadRules([join(dir)]);
    assert.is(loaded.rules.length, 0);
    const lines = loaded.errors.map((error) => errorLine(fromRuleFileError(error, 'fr')));
    assert.ok(lines.some((line) => line.includes('LOCAL-SIRET.yaml:') && line.includes('clé obligatoire « obligation » absente')), lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

catalogue.run();
