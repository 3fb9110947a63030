import { parentPort, workerData } from 'node:worker_threads';
import { checkSnapshot, loadCatalogue, type Catalogue, type CheckOptions } from '../pipeline/run-check.js';
import type { PortfolioOutcome, PortfolioTask } from './check-in-workers.js';

/**
 * Worker thread entry of a portfolio run: loads the catalogue once, then checks each snapshot
 * it is sent, the whole pipeline on this thread (the pool already keeps every core busy).
 * The main thread has already checked the rules and the configuration.
 */
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
