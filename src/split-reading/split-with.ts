import type { EvaluateOptions } from '../engine/evaluate.js';
import type { LoadOptions } from '../snapshot/snapshot-types.js';
import type { TraceWorker } from './trace-worker.js';

/** The reading of the traces split with the worker, whose rows are reported with this thread's as one progress. */
export function splitWith(worker: TraceWorker, traces: string, report: LoadOptions['onProgress']): Pick<EvaluateOptions, 'split' | 'onProgress'> & { finish(): void } {
  const split = { boundary: worker.boundary, later: () => worker.take() };
  if (!report) return { split, finish: () => undefined };
  const parts = { mine: { rows: 0, done: false }, theirs: { rows: 0, done: false } };
  let before = 0;
  let scans = 0;
  let failed = false;
  let last = { file: traces, rows: 0, done: false };
  const emit = () => {
    last = { file: traces, rows: parts.mine.rows + parts.theirs.rows, done: parts.mine.done && parts.theirs.done && (!failed || scans > 1) };
    report(last);
  };
  worker.listen((event) => {
    parts.theirs = event;
    emit();
  });
  // The worker reports nothing more once it failed: this thread then reads its part and the sum goes on.
  void worker.done.then((succeeded) => {
    if (succeeded) return;
    failed = true;
    parts.theirs = { rows: 0, done: true };
  });
  const onProgress: LoadOptions['onProgress'] = (event) => {
    if (event.file !== traces) return report(event);
    if (parts.mine.done) before = parts.mine.rows;
    parts.mine = { rows: before + event.rows, done: event.done };
    if (event.done) scans++;
    emit();
  };
  // Once the evaluation is over, the file is read whatever the way (a first part may have gone on to the end while the worker failed).
  const finish = () => {
    if (!last.done) report({ ...last, done: true });
  };
  return { split, onProgress, finish };
}
