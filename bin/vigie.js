#!/usr/bin/env -S node --v8-pool-size=1 --max-inlined-bytecode-size-cumulative=250 --max-old-space-size=2047 --expose-gc --max-semi-space-size=8
// The compiled CLI (npm's `prepare` builds dist/ on install), run with these node flags:
// --v8-pool-size=1: one V8 helper thread, so the two threads reading the traces do not wait on more (docs/PERFORMANCE.md).
// --max-inlined-bytecode-size-cumulative=250: smaller optimised compilations of code meeting many record shapes (docs/PERFORMANCE.md).
// --max-old-space-size=2047: V8 then grows the heap to at most twice its live data between full collections, not four times (docs/PERFORMANCE.md).
// --expose-gc: vigie collects its garbage between the phases of a large check, where the memory peaks (docs/PERFORMANCE.md).
// --max-semi-space-size=8: a smaller young generation on the main thread, for a lower peak (docs/PERFORMANCE.md).
// `npm run bench` runs vigie with the flags of the first line.
import '../dist/cli.js';
