import { parentPort, workerData } from 'node:worker_threads';
import { checkSnapshot, loadCatalogue, type Catalogue, type CheckOptions } from '../pipeline/run-check.js';
import type { PortfolioOutcome, PortfolioTask } from './portfolio-task.js';

// Portfolio worker: the whole pipeline per snapshot on this thread, as the pool keeps every core busy.
const options = workerData as CheckOptions;
let catalogue: Catalogue | undefined;

parentPort!.on('message', (task: PortfolioTask) => {
  catalogue ??= loadCatalogue(options);
  checkSnapshot(task.path, catalogue, { ...options, singleThread: true }).then(
    (checked) => {
      const outcome: PortfolioOutcome = checked.kind === 'report' ? { kind: 'report', report: checked.report } : checked;
      parentPort!.postMessage({ index: task.index, outcome });
    },
    (error: unknown) => parentPort!.postMessage({ index: task.index, failure: (error as Error)?.message ?? String(error) }),
  );
});
