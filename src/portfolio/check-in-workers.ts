import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../i18n/lang.js';
import type { CheckOptions } from '../pipeline/run-check.js';
import type { PortfolioOutcome, PortfolioTask } from './portfolio-task.js';

interface WorkerReply {
  readonly index: number;
  readonly outcome?: PortfolioOutcome;
  readonly failure?: string;
}

/** Checks a portfolio in a pool of one worker per core; a crash marks that snapshot invalid. */
export async function checkInWorkers(paths: readonly string[], options: CheckOptions): Promise<PortfolioOutcome[]> {
  const outcomes: PortfolioOutcome[] = new Array(paths.length);
  const size = Math.max(1, Math.min(availableParallelism(), paths.length));
  const workerOptions: CheckOptions = { rulesDirs: options.rulesDirs, config: options.config, lang: options.lang, asOf: options.asOf, lenient: options.lenient };
  let next = 0;
  const drain = async () => {
    let worker = startWorker(workerOptions);
    while (next < paths.length) {
      const index = next++;
      try {
        outcomes[index] = await check(worker, { index, path: paths[index] });
      } catch (error) {
        outcomes[index] = crashed(paths[index], error as Error, options.lang);
        await worker.terminate();
        worker = startWorker(workerOptions);
      }
    }
    await worker.terminate();
  };
  await Promise.all(Array.from({ length: size }, drain));
  return outcomes;
}

function startWorker(options: CheckOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./portfolio-worker.js', import.meta.url), { workerData: options });
  // Run from the sources (tests): `--import tsx` does not reach a worker's loader, tsx's API does.
  const entry = JSON.stringify(new URL('./portfolio-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true, workerData: options });
}

/** Sends one snapshot to a worker and waits for its outcome. */
function check(worker: Worker, task: PortfolioTask): Promise<PortfolioOutcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.index !== task.index) return;
      stop();
      if (reply.outcome) resolve(reply.outcome);
      else reject(new Error(reply.failure ?? 'no outcome'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onExit = (code: number) => {
      stop();
      reject(new Error(`worker exited with code ${code}`));
    };
    const stop = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(task);
  });
}

/** A bug of vigie met on one snapshot: said plainly, on that snapshot only. */
function crashed(path: string, error: Error, lang: Lang): PortfolioOutcome {
  const message = lang === 'fr' ? `erreur interne : ${error.message}` : `internal error: ${error.message}`;
  return { kind: 'invalid', errors: [{ file: path, line: 1, column: 1, code: 'internal-error', message }] };
}
