import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { OPERATOR_EVALUATORS } from '../../src/facts/operators.js';
import { patternErrors, patternProblem } from '../../src/rules/compile-regex.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const regex = suite('rule regular expressions on RE2');

// A pattern JavaScript's backtracking engine takes exponential time on: the test hangs if it runs there.
const CATASTROPHIC = '^(a+)+$';
const LONG_NAME = `${'a'.repeat(50)}b`;

regex('a catastrophic pattern against 50 a and a b gives its answer', () => {
  assert.is(OPERATOR_EVALUATORS.matchesPattern(LONG_NAME, CATASTROPHIC), false);
  assert.is(OPERATOR_EVALUATORS.notMatchesPattern(LONG_NAME, CATASTROPHIC), true);
  assert.is(OPERATOR_EVALUATORS.matchesPattern('a'.repeat(50), CATASTROPHIC), true);
});

regex('patterns keep their JavaScript meaning: \\u escapes, named groups, classes, search anywhere', () => {
  assert.is(OPERATOR_EVALUATORS.matchesPattern('café', 'caf\\u00e9'), true);
  assert.is(OPERATOR_EVALUATORS.matchesPattern('2024-06', '(?<year>\\d{4})-\\d{2}'), true);
  assert.is(OPERATOR_EVALUATORS.matchesPattern('x a@b.fr', '[^@\\s]+@[^@\\s]+\\.[^@\\s]+'), true);
  assert.is(OPERATOR_EVALUATORS.matchesPattern('a b', '^[^@\\s]+$'), false);
  assert.is(OPERATOR_EVALUATORS.matchesPattern('Élise', '^\\p{Lu}'), true);
});

regex('lookaround, backreferences and broken patterns are refused, with the part at fault', () => {
  assert.equal(patternProblem('(?<=M\\. )Dupont'), { code: 'rule-pattern-lookbehind', fragment: '(?<=' });
  assert.equal(patternProblem('(?<!x)y'), { code: 'rule-pattern-lookbehind', fragment: '(?<!' });
  assert.equal(patternProblem('^(?!test)'), { code: 'rule-pattern-lookahead', fragment: '(?!' });
  assert.equal(patternProblem('(a)\\1'), { code: 'rule-pattern-backreference', fragment: '\\1' });
  assert.equal(patternProblem('[0-9'), { code: 'rule-pattern-bracket', fragment: '[0-9' });
  assert.equal(patternProblem('a**'), { code: 'rule-pattern-repeat', fragment: '**' });
  assert.is(patternProblem('a{1001}')?.code, 'rule-pattern-repeat-count');
  // Escaped, these are plain characters.
  assert.is(patternProblem('\\(?=\\\\1'), undefined);
  assert.is(patternProblem(CATASTROPHIC), undefined);
  assert.is(patternProblem('[ .\\-]'), undefined);
});

/** A rule over the partner's contacts whose last name matches PATTERN (written as given, in YAML). */
function contactRule(id: string, pattern: string, remove = '[ .\\\\-]'): string {
  return [
    `id: ${id}`,
    'severity: warning',
    `title: {fr: ${id}, en: ${id}}`,
    'source: {document: CONV, article: "1", quote: "une clause de la convention"}',
    'needs: {partner: [contacts]}',
    'params:',
    `  name_pattern: "${pattern}"`,
    'for_each: {from: contacts}',
    'subject: {type: contact, id: "{record.last_name}"}',
    'facts:',
    `  phone_digits: {normalize: {value: $record.phone, remove: "${remove}"}}`,
    'conditions:',
    '  all:',
    '    - {fact: record, path: $.last_name, operator: matchesPattern, value: {param: name_pattern}}',
    '    - {fact: phone_digits, operator: matchesPattern, value: "^[0-9]+$"}',
    'message: {fr: "{record.last_name}", en: "{record.last_name}"}',
    'remediation: {fr: "—", en: "—"}',
    `obligation: {fr: ${id}, en: ${id}}`,
    '',
  ].join('\n');
}

/** Fixtures of a rule: one case per last name, the contact's phone written with spaces, dots and dashes. */
function fixture(id: string, cases: Readonly<Record<string, string>>): string {
  const snapshot = (lastName: string) => ({ partner: { name: 'Test' }, contacts: [{ role: 'administrator', last_name: lastName, phone: '01 23.45-67' }] });
  return JSON.stringify({ rule: id, cases: Object.entries(cases).map(([lastName, status]) => ({ name: lastName, as_of: '2024-06-30', snapshot: snapshot(lastName), expect: { status } })) });
}

regex('vigie rules test: the catastrophic pattern decides at once, over a contact’s last name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-re2-'));
  try {
    // `failed` for aaaa also says normalize removed the phone's separators (the second condition).
    writeFileSync(join(dir, 'RE-LONG.yaml'), contactRule('RE-LONG', CATASTROPHIC));
    writeFileSync(join(dir, 'RE-LONG.tests.yaml'), fixture('RE-LONG', { [LONG_NAME]: 'passed', aaaa: 'failed' }));
    const run = runCli(['rules', 'test', dir, '--rules', dir, '--lang', 'en']);
    assert.is(run.stderr, '');
    assert.is(run.code, 0, run.stdout);
    assert.match(run.stdout, new RegExp(`✔.*RE-LONG — ${LONG_NAME}`));
    assert.match(run.stdout, /✔.*RE-LONG — aaaa/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

regex('an invalid pattern and a lookbehind are rule errors at their place: exit 2, through check and rules test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-re2-'));
  try {
    // Line 7 holds the parameter's pattern, line 11 normalize's `remove`.
    writeFileSync(join(dir, 'RE-BEHIND.yaml'), contactRule('RE-BEHIND', '(?<=M )Dupont'));
    writeFileSync(join(dir, 'RE-BROKEN.yaml'), contactRule('RE-BROKEN', 'Dupont', '[ .'));
    writeFileSync(join(dir, 'RE-BROKEN.tests.yaml'), fixture('RE-BROKEN', { Dupont: 'failed', Durand: 'passed' }));
    const behind = `${join(dir, 'RE-BEHIND.yaml')}:7:17`;
    const broken = `${join(dir, 'RE-BROKEN.yaml')}:11:60`;
    for (const command of [['check', join(ROOT, 'samples/ca2c-2023')], ['rules', 'test', dir]]) {
      const en = runCli([...command, '--rules', dir, '--lang', 'en']);
      assert.is(en.code, 2, `${command[0]}: ${en.stderr}`);
      assert.ok(en.stderr.includes(`${behind}`) && en.stderr.includes('regular expression « (?<=M )Dupont » refused: lookbehind ((?<=) is not supported'), en.stderr);
      assert.ok(en.stderr.includes(`${broken}`) && en.stderr.includes('invalid regular expression « [ . »: missing closing ]'), en.stderr);
      const fr = runCli([...command, '--rules', dir]);
      assert.is(fr.code, 2);
      assert.ok(fr.stderr.includes("expression régulière « (?<=M )Dupont » refusée : le regard en arrière ((?<=) n'est pas pris en charge"), fr.stderr);
      assert.ok(fr.stderr.includes('expression régulière « [ . » invalide : crochet ] manquant'), fr.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

regex('a pattern parameter set by --config is checked like the rule’s own, at its place in the config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-re2-'));
  try {
    writeFileSync(join(dir, 'RE-CONFIG.yaml'), contactRule('RE-CONFIG', 'Dupont'));
    writeFileSync(join(dir, 'vigie.config.yaml'), 'rules:\n  RE-CONFIG:\n    params:\n      name_pattern: "(a)\\\\1"\n');
    const run = runCli(['check', join(ROOT, 'samples/ca2c-2023'), '--rules', dir, '--config', join(dir, 'vigie.config.yaml'), '--lang', 'en']);
    assert.is(run.code, 2, run.stderr);
    assert.ok(run.stderr.includes(`${join(dir, 'vigie.config.yaml')}:4:`) && run.stderr.includes('the backreference (\\1) is not supported'), run.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

regex('a pattern read from a fact (the data under audit) is refused at its place; shared facts’ patterns are checked too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-re2-'));
  try {
    const rule = contactRule('RE-FACT', 'Dupont').replace('value: "^[0-9]+$"}', 'value: {fact: record, path: $.email}}');
    writeFileSync(join(dir, 'RE-FACT.yaml'), rule);
    const { rules, errors } = loadRules([dir], undefined);
    assert.equal(rules, []);
    assert.equal(errors.map((error) => `${error.line}:${error.column} ${error.code}`), ['15:61 rule-pattern-dynamic']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const shared = { facts: { digits: { normalize: { value: '$partner.phone', remove: '(a)\\1' } } } };
  assert.equal(patternErrors(shared, 'facts.yaml', (keys) => ({ line: keys.length, column: 1 })), [
    { file: 'facts.yaml', line: 4, column: 1, code: 'rule-pattern-backreference', value: '(a)\\1', params: { pattern: '(a)\\1', fragment: '\\1' } },
  ]);
});

regex.run();
