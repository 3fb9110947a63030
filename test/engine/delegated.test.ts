import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluate, readsStreams, rulesForWorker } from '../../src/engine/evaluate.js';
import type { WorkerEvaluation } from '../../src/engine/stream-in-worker.js';
import { loadCatalogue } from '../../src/pipeline/run-check.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { Snapshot } from '../../src/snapshot/snapshot-types.js';

const catalogue = loadCatalogue({ lang: 'fr' });
const share = rulesForWorker(catalogue.rules);

async function sample(): Promise<Snapshot> {
  const loaded = await loadSnapshot('samples/ca2c-2023');
  if (!loaded.snapshot) throw new Error(JSON.stringify(loaded.errors));
  return loaded.snapshot;
}

async function reportOf(snapshot: Snapshot, delegated?: Parameters<typeof evaluate>[3]['delegated']) {
  const evaluation = await evaluate(snapshot, catalogue.rules, catalogue.shared, { asOf: '2024-06-30', lang: 'fr', ...(delegated ? { delegated } : {}) });
  return evaluation;
}

const split = suite('trace rules split between two threads');

split('the worker takes some trace rules, the main thread the others, and no other rule', () => {
  const traceRules = catalogue.rules.filter(readsStreams).map((rule) => rule.id);
  assert.ok(share.size > 0 && share.size < traceRules.length, [...share].join(' '));
  for (const id of share) assert.ok(traceRules.includes(id), id);
  // Decided from the rules alone: the worker, which loads the same catalogue, finds the same share.
  assert.equal([...rulesForWorker(loadCatalogue({ lang: 'fr' }).rules)], [...share]);
});

split('a failed worker: the main thread evaluates its rules, and the report is the one of a single thread', async () => {
  const snapshot = await sample();
  const alone = await reportOf(snapshot);
  const failed = await reportOf(snapshot, { ruleIds: share, outcome: Promise.resolve(undefined) });
  assert.equal(failed, alone);
});

split("the worker's outcomes are taken as they come, in the order of the rules", async () => {
  const snapshot = await sample();
  const alone = (await reportOf(snapshot)).report!;
  const mine = catalogue.rules.filter((rule) => share.has(rule.id));
  // What a worker would send: the single-thread outcome of each of its rules.
  const sent: WorkerEvaluation = {
    ruleIds: mine.map((rule) => rule.id),
    outcomes: mine.map((rule) => ({
      status: alone.rules.find((status) => status.id === rule.id)!,
      findings: alone.findings.filter((finding) => finding.ruleId === rule.id),
    })),
    errors: [],
    skipped: [],
  };
  const merged = await reportOf(snapshot, { ruleIds: share, outcome: Promise.resolve(sent) });
  assert.equal(merged.report, alone);
  // And a worker's outcome is really used: a finding it alone reports appears.
  const marked = { ...sent, outcomes: sent.outcomes!.map((outcome, index) => (index === 0 ? { ...outcome, status: { ...outcome.status, reason: 'from the worker' } } : outcome)) };
  const fromWorker = await reportOf(snapshot, { ruleIds: share, outcome: Promise.resolve(marked) });
  assert.is(fromWorker.report!.rules.find((status) => status.id === mine[0].id)!.reason, 'from the worker');
});

split('input errors met by the worker in the traces are the evaluation errors', async () => {
  const snapshot = await sample();
  const error = { file: 'traces.csv', line: 9, column: 1, code: 'invalid-timestamp', value: 'x', params: { column: 'at' } };
  const onlyWorker = catalogue.rules.filter(readsStreams).map((rule) => rule.id);
  const evaluation = await evaluate(snapshot, catalogue.rules.filter((rule) => !readsStreams(rule) || onlyWorker.includes(rule.id)), catalogue.shared, {
    asOf: '2024-06-30',
    lang: 'fr',
    delegated: { ruleIds: new Set(onlyWorker), outcome: Promise.resolve({ ruleIds: onlyWorker, errors: [error], skipped: [] }) },
  });
  assert.is(evaluation.report, undefined);
  assert.equal(evaluation.errors, [error]);
});

split.run();
