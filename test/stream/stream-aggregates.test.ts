import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadCatalogue } from '../../src/pipeline/run-check.js';
import type { Rule } from '../../src/rules/rule-types.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';

// A fact over the traces is aggregated row by row in one pass: only the aggregates that pass
// can compute (count, exists, min, max, close_pairs, close_returns, busiest_window). Any other makes its rule
// not evaluated, with the reason: read as a plain count, it would pass or fail on a wrong number.

const aggregates = suite('aggregates over the traces');

aggregates('an aggregate the pass cannot compute makes the rule not evaluated, never a count', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const unused = catalogue.rules.find((rule) => rule.id === 'HAB-UNUSED')!;
  for (const kind of ['count_distinct', 'values', 'first']) {
    const facts = { ...unused.facts, last_trace_on: { from: 'traces', where: { user_id: '$record.user_id' }, [kind]: 'action' } };
    const rule = { ...unused, facts } as unknown as Rule;
    const loaded = await loadSnapshot('samples/ca2c-2023', { lenient: false });
    const evaluation = await evaluate(loaded.snapshot!, [rule], catalogue.shared, { asOf: '2024-06-30', lang: 'fr' });
    const [status] = evaluation.report!.rules;
    assert.is(status.status, 'not_evaluated', kind);
    assert.match(status.reason ?? '', `« ${kind} » impossible sur une table lue en flux`);
    assert.is(evaluation.report!.findings.length, 0);
  }
});

aggregates('the same rule as written is evaluated', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const unused = catalogue.rules.find((rule) => rule.id === 'HAB-UNUSED')!;
  const loaded = await loadSnapshot('samples/ca2c-2023', { lenient: false });
  const evaluation = await evaluate(loaded.snapshot!, [unused], catalogue.shared, { asOf: '2024-06-30', lang: 'fr' });
  assert.is.not(evaluation.report!.rules[0].status, 'not_evaluated');
});

aggregates.run();
