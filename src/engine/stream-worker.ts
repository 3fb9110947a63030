import { parentPort, workerData } from 'node:worker_threads';
import { BUNDLED_RULES, loadRules } from '../rules/load-rules.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { chooseAsOf } from '../pipeline/as-of.js';
import { streamPass } from './evaluate.js';
import { serializeStreams, type StreamTask } from './stream-in-worker.js';

/**
 * Worker thread entry: reads the snapshot (only the tables the streamed facts look up, and
 * the traces as a stream), runs the streaming pass for the rules it was given and posts back
 * the aggregates. The main thread has already checked the input and the rules.
 */
async function run(task: StreamTask): Promise<void> {
  const catalogue = loadRules([BUNDLED_RULES, ...task.source.rulesDirs]);
  const byId = new Map(catalogue.rules.map((rule) => [rule.id, rule]));
  const rules = task.rules.map(({ id, params }) => ({ ...byId.get(id)!, params }));
  const tables = new Set<string>(['traces']);
  // The tables the rules need (for their preflight), visit (their entities name the join keys to keep) or look up.
  for (const rule of rules) for (const table of [...(rule.needs.tables ?? []), ...(rule.needs.optional_tables ?? []), rule.for_each.from]) tables.add(table);
  for (const match of JSON.stringify(rules.map((rule) => [rule.for_each, rule.facts])).matchAll(/"from":"(\w+)"/g)) tables.add(match[1]);
  const loaded = await loadSnapshot(task.source.path, { lenient: task.lenient, tables: [...tables] });
  // Invalid input is the main thread's to report, from its own reading.
  if (!loaded.snapshot) throw new Error('snapshot unreadable in the worker');
  const outcome = await streamPass(loaded.snapshot, rules, catalogue.shared, {
    asOf: chooseAsOf(task.asOf, loaded.snapshot.partner.data.extracted_on),
    lang: task.lang,
    lenient: task.lenient,
    onProgress: (progress) => {
      if (progress.file === loaded.snapshot!.tables.get('traces')?.file) parentPort!.postMessage({ progress });
    },
  });
  parentPort!.postMessage({ result: serializeStreams(rules, outcome) });
}

run(workerData as StreamTask).catch((error: unknown) => parentPort!.postMessage({ failure: (error as Error).message }));
