import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { OPERATOR_EVALUATORS, passesLuhn } from '../../src/facts/operators.js';

const operators = suite('custom operators');
const evaluate = (name: string, fact: unknown, value: unknown) => OPERATOR_EVALUATORS[name](fact, value);

operators('date comparisons never hold on an absent side', () => {
  assert.ok(evaluate('dateBefore', '2024-01-01', '2024-01-02'));
  assert.not.ok(evaluate('dateBefore', '2024-01-02', '2024-01-02'));
  assert.ok(evaluate('dateOnOrBefore', '2024-01-02', '2024-01-02'));
  assert.not.ok(evaluate('dateBefore', undefined, '2024-01-02'));
  assert.not.ok(evaluate('dateAfter', '2024-01-02', null));
});

operators('presence', () => {
  assert.ok(evaluate('isAbsent', null, true));
  assert.ok(evaluate('isAbsent', undefined, true));
  assert.not.ok(evaluate('isAbsent', '2024-01-01', true));
  assert.ok(evaluate('isPresent', 'x', true));
});

operators('patterns: an absent value does not match', () => {
  assert.ok(evaluate('notMatchesPattern', undefined, '^0[1-9]'));
  assert.ok(evaluate('notMatchesPattern', '327750100', '^(0[1-9][0-9]{8})$'));
  assert.not.ok(evaluate('notMatchesPattern', '0327750100', '^(0[1-9][0-9]{8})$'));
});

operators('text lists ignore case, accents and spaces', () => {
  assert.ok(evaluate('inText', '  CAF du nord ', ['Caf du Nord']));
  assert.ok(evaluate('notInText', 'Cabinet Conseil', ['Commune d’Exemple']));
  assert.not.ok(evaluate('notInText', "commune d'exemple", ['Commune d’Exemple']));
  assert.not.ok(evaluate('notInText', undefined, ['x']));
});

operators('Luhn', () => {
  assert.ok(passesLuhn('20003063300198'));
  assert.not.ok(passesLuhn('20003063300199'));
  assert.not.ok(passesLuhn('2000306330019A'));
  assert.ok(evaluate('passesLuhn', '21590999900017', true));
});

operators.run();
