#!/usr/bin/env -S node --v8-pool-size=1 --max-inlined-bytecode-size-cumulative=250 --max-old-space-size=2047 --expose-gc --max-semi-space-size=8
// The compiled CLI (npm's `prepare` builds dist/ on install).
//
// --v8-pool-size=1: one V8 background thread (Node starts four) for the garbage collector's
// helper tasks and the optimising compiler. On the two cores of the machines we run on, a
// large trace file is read by two threads (src/pipeline/trace-worker.ts) and four helpers
// more made them wait on each other: measured at a million traces, 5.12 → 5.03 s and
// 626 → 575 MiB (mean of 5 interleaved runs; 5.67 → 5.24 s on a busier hour).
// --max-inlined-bytecode-size-cumulative=250 (V8's default: 920): the optimising compiler
// inlines less into each function. The rules' generic code meets records of many shapes and
// is compiled again each time a new one comes; smaller compilations cost the background
// thread less: 4.37 → 4.24 s at a million traces (mean of 6 interleaved runs, 0.35 s less
// CPU), 3.71 → 3.66 s at 500,000 on one thread.
// --expose-gc: vigie collects its garbage itself between the phases of a large check
// (src/util/collect-garbage.ts), where the peak of memory is decided.
// --max-semi-space-size=8 (MB; V8's default here: 16): the main thread's young generation
// takes 16 MB instead of 32. At a million traces, with the collections above: 279–289 MiB
// against 289–312, for the same time (3.91 s both; alternate runs, 6 each).
// `npm run bench` runs vigie with the flags of the first line.
import '../dist/cli.js';
