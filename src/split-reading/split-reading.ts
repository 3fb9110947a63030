// The one module the rest of vigie imports from the two-thread reading of the traces. It must
// stay light: `vigie check` imports it, and starts the worker, before loading anything else.
export { startTraceWorkerFor, type TraceWorkerOptions } from './start-trace-worker-for.js';
export type { TraceWorker } from './trace-worker.js';
export { splitWith } from './split-with.js';
