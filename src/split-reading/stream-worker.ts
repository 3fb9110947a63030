import { parentPort, workerData } from 'node:worker_threads';
import { BUNDLED_RULES, loadRules } from '../rules/load-rules.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { chooseAsOf } from '../util/as-of.js';
import { applyConfig } from '../rules/apply-config.js';
import { readLaterPart } from '../engine/evaluate.js';
import { readsStreams } from '../engine/reads-streams.js';
import type { PassPart } from '../stream/pass-part.js';
import { packPart } from './packed-part.js';
import type { StreamTask, WorkerMessage } from './stream-task.js';
import { lineAt } from './trace-boundary.js';
import { workerLoad } from './worker-load.js';
import { collectGarbage } from '../util/collect-garbage.js';

/** Worker thread entry: reads what the trace rules need, streams the traces from the boundary and posts back its pass's state; the main thread reports errors. */
async function run(task: StreamTask): Promise<void> {
  const part = await readPart(task);
  // Freed before the state is serialized, while the main thread is at its own peak.
  collectGarbage();
  const { packed, transfer } = packPart(part);
  parentPort!.postMessage({ result: packed } satisfies WorkerMessage, transfer);
}

async function readPart(task: StreamTask): Promise<PassPart> {
  const loaded = loadRules([BUNDLED_RULES, ...task.source.rulesDirs]);
  const configured = applyConfig(loaded.rules, task.source.config);
  // Broken rules or configuration are the main thread's to report.
  if (loaded.errors.length > 0 || configured.errors.length > 0) throw new Error('rules unreadable in the worker');
  const rules = configured.rules.filter(readsStreams);
  const { tables, columns } = workerLoad(rules, loaded.shared);
  const [snapshot, line] = await Promise.all([loadSnapshot(task.source.path, { lenient: task.lenient, tables, columns }), lineAt(task.traces.path, task.traces.boundary)]);
  if (!snapshot.snapshot) throw new Error('snapshot unreadable in the worker');
  const traces = snapshot.snapshot.tables.get('traces');
  return readLaterPart(
    snapshot.snapshot,
    rules,
    loaded.shared,
    {
      asOf: chooseAsOf(task.asOf, snapshot.snapshot.partner.data.extracted_on),
      lang: task.lang,
      lenient: task.lenient,
      onProgress: (progress) => {
        if (progress.file === traces?.file) parentPort!.postMessage({ progress } satisfies WorkerMessage);
      },
    },
    { start: task.traces.boundary, line },
  );
}

run(workerData as StreamTask).catch((error: unknown) => parentPort!.postMessage({ failure: (error as Error).message } satisfies WorkerMessage));
