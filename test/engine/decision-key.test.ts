import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { comparisonKey, comparisonsOf, createEngine, decisionKey, matchedLabels, projectFacts } from '../../src/engine/rules-engine.js';
import { conditionReads } from '../../src/rules/condition-types.js';
import type { ConditionTree, Rule } from '../../src/rules/rule-types.js';
import { keyPart } from '../../src/util/memo-key.js';

// Entities presenting the same decision key share json-rules-engine's answer: two entities
// whose facts differ must never share a key, whatever their texts hold.

const keys = suite('decision keys');
const inputs = conditionReads({ all: [{ fact: 'a', operator: 'equal', value: 'x' }, { fact: 'b', operator: 'equal', value: 'y' }] });
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

// Entities whose comparisons hold alike share json-rules-engine's answer (comparisonKey): the
// key is checked against the engine itself on random facts, named conditions and labels included.
const comparing = suite('comparison keys');

comparing('the same comparisons, the same answer of the engine: whether it fired and which named conditions held', async () => {
  const conditions = {
    all: [
      { name: 'old', fact: 'newest', operator: 'dateBefore', value: { fact: 'cutoff' } },
      {
        any: [
          { name: 'never', fact: 'last', operator: 'isAbsent', value: true },
          { name: 'stale', fact: 'last', operator: 'dateBefore', value: { fact: 'cutoff' } },
          { fact: 'record', path: '$.count', operator: 'greaterThan', value: 3 },
        ],
      },
      { not: { fact: 'record', path: '$.kind', operator: 'in', value: ['technical', 'test'] } },
    ],
  } as unknown as ConditionTree;
  const rule = { condition_labels: { old: { fr: 'old', en: 'old' }, never: { fr: 'never', en: 'never' }, stale: { fr: 'stale', en: 'stale' } } } as unknown as Rule;
  const engine = createEngine(conditions);
  const comparisons = comparisonsOf(engine, conditions)!;
  assert.is(comparisons.length, 5);
  const inputs = conditionReads(conditions);
  let seed = 11;
  const pick = <T>(values: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return values[seed % values.length];
  };
  const dates = ['2024-01-01', '2024-03-31', '2024-04-01', '2024-06-30', undefined, 'pas une date'];
  const answers = new Map<string, string>();
  let shared = 0;
  for (let trial = 0; trial < 400; trial++) {
    const facts: Record<string, unknown> = {
      newest: pick(dates),
      last: pick(dates),
      cutoff: pick(['2024-04-01', '2024-03-31']),
      record: pick([{ count: 2, kind: 'person' }, { count: 5, kind: 'technical' }, { count: 7 }, 'texte', null, { kind: 'test', count: '9' }]),
    };
    const { events, results } = await engine.run(projectFacts((name) => facts[name], inputs));
    const answer = JSON.stringify([events.length > 0, matchedLabels(rule, results[0], 'fr')]);
    const key = comparisonKey((name) => facts[name], comparisons);
    if (answers.has(key)) {
      shared++;
      assert.is(answer, answers.get(key), JSON.stringify(facts));
    } else answers.set(key, answer);
  }
  // Many value sets share a key: the engine ran for far fewer.
  assert.ok(shared > 300, String(shared));
  assert.ok(new Set(answers.values()).size > 2);
});

comparing('a tree of another kind, or an operator the engine lacks: no comparison key (the values are the key)', () => {
  const named = { all: [{ condition: 'shared' }, { fact: 'a', operator: 'equal', value: 1 }] } as unknown as ConditionTree;
  assert.is(comparisonsOf(createEngine({ all: [{ fact: 'a', operator: 'equal', value: 1 }] } as unknown as ConditionTree), named), undefined);
  const unknown = { all: [{ fact: 'a', operator: 'noSuchOperator', value: 1 }] } as unknown as ConditionTree;
  assert.is(comparisonsOf(createEngine({ all: [{ fact: 'a', operator: 'equal', value: 1 }] } as unknown as ConditionTree), unknown), undefined);
});

keys.run();
comparing.run();
