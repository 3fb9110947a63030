import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';

const catalogue = suite('rule catalogue');
const { rules, errors } = loadRules([BUNDLED_RULES]);

// The contract is extracted from a PDF: line breaks and non-breaking spaces vary, words do not.
const normalize = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const contract = normalize(readFileSync(new URL('../../rules/_sources/convention-mon-compte-partenaire-ca2c-2023.txt', import.meta.url), 'utf8'));

catalogue('the bundled rules load without error', () => {
  assert.equal(errors, []);
  assert.ok(rules.length >= 29, `${rules.length} rules`);
});

catalogue('every quote is verbatim from the signed contract', () => {
  const missing = rules.filter((rule) => !contract.includes(normalize(rule.source.quote))).map((rule) => rule.id);
  assert.equal(missing, []);
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

catalogue.run();
