import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { conditionInputs, decisionKey } from '../../src/engine/rules-engine.js';
import { keyPart } from '../../src/util/memo-key.js';

// Entities presenting the same decision key share json-rules-engine's answer: two entities
// whose facts differ must never share a key, whatever their texts hold.

const keys = suite('decision keys');
const inputs = conditionInputs({ all: [{ fact: 'a', operator: 'equal', value: 'x' }, { fact: 'b', operator: 'equal', value: 'y' }] });
const keyOf = (facts: Record<string, unknown>) => decisionKey((name) => facts[name], inputs);

keys('texts holding the separator do not pass for other texts', () => {
  assert.is.not(keyOf({ a: 'x\u0001sy', b: 'z' }), keyOf({ a: 'x', b: 'y\u0001sz' }));
  assert.is.not(keyOf({ a: 'x\u0001', b: '' }), keyOf({ a: 'x', b: '\u0001' }));
});

keys('types are told apart, equal values share a key', () => {
  assert.is.not(keyOf({ a: 1, b: 'z' }), keyOf({ a: '1', b: 'z' }));
  assert.is.not(keyOf({ a: null, b: 'z' }), keyOf({ a: undefined, b: 'z' }));
  assert.is.not(keyOf({ a: 'null', b: 'z' }), keyOf({ a: null, b: 'z' }));
  assert.is(keyOf({ a: { n: 1, m: [2] }, b: 'z' }), keyOf({ a: { m: [2], n: 1 }, b: 'z' }));
  assert.is(keyOf({ a: 'x', b: 'z' }), keyOf({ a: 'x', b: 'z' }));
});

keys('memo keys of several values: different lists, different keys', () => {
  const join = (values: unknown[]) => values.map(keyPart).join('');
  const lists: unknown[][] = [
    ['a\u0000b', 'c'],
    ['a', 'b\u0000c'],
    [1, 'x'],
    ['1', 'x'],
    [null, 'x'],
    [undefined, 'x'],
    ['null', 'x'],
    [true, 'x'],
    ['true', 'x'],
    [{ a: 'b' }, 'x'],
    ['{"a":"b"}', 'x'],
    [['s1:x'], ''],
    ['s1:x', ''],
    ['', 's1:x'],
  ];
  const seen = new Map<string, unknown[]>();
  for (const list of lists) {
    const key = join(list);
    assert.not.ok(seen.has(key), `${JSON.stringify(list)} and ${JSON.stringify(seen.get(key))}`);
    seen.set(key, list);
  }
  assert.is(join([{ b: 1, a: 2 }]), join([{ a: 2, b: 1 }]));
});

keys.run();
