#!/usr/bin/env -S node --v8-pool-size=1
// The compiled CLI (npm's `prepare` builds dist/ on install).
//
// --v8-pool-size=1: one V8 background thread (Node starts four) for the garbage collector's
// helper tasks. On the two cores of the machines we run on, a large trace file is read by two
// threads (src/pipeline/trace-worker.ts) and four helpers more made them wait on each other:
// measured at a million traces, 5.12 → 5.03 s and 626 → 575 MiB (mean of 5 interleaved runs;
// 5.67 → 5.24 s on a busier hour). `npm run bench` runs vigie with these same flags.
import '../dist/cli.js';
