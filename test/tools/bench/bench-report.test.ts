import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detailLines, goalLines, jsonGoalLines, median, scalingTable, type SizeResult } from '../../../tools/bench/bench-report.js';
import { parseCount, parseCountList } from '../../../tools/bench/count-option.js';
import { readFileSync } from 'node:fs';
import { parseGnuTimeMaxRss, shebangFlags } from '../../../tools/bench/measure-process.js';

const report = suite('bench report');

function sized(traces: number, csvMs: number[], checkMs: number[], checkPeakKiB: number, failure?: string): SizeResult {
  return {
    grants: 100_000,
    traces,
    csvParse: { wallMs: csvMs, peakKiB: [60 * 1024] },
    check: { wallMs: checkMs, peakKiB: [checkPeakKiB], failure },
  };
}

report('JSON traces: time and peak against the CSV check, 2× at most; absent when not measured', () => {
  const csv = sized(1_000_000, [1000], [4000], 250 * 1024);
  assert.equal(jsonGoalLines(csv), []);
  const json = { ...csv, json: { wallMs: [6000, 7000, 6400], peakKiB: [240 * 1024] } };
  assert.equal(jsonGoalLines(json), ['goal  time ratio json/csv check ≤ 2: ✓ pass (1.60)', 'goal  peak ratio json/csv check ≤ 2: ✓ pass (0.96)']);
  assert.match(detailLines(json).join('\n'), '  vigie check, JSON median 6.40 s (runs: 6.00 s, 7.00 s, 6.40 s), peak 240 MiB');
  const slow = { ...csv, json: { wallMs: [9000], peakKiB: [600 * 1024] } };
  assert.ok(jsonGoalLines(slow).every((line) => line.includes('✗ FAIL')));
  const failed = { ...csv, json: { wallMs: [1000], peakKiB: [100 * 1024], failure: 'exit 134' } };
  assert.ok(jsonGoalLines(failed).every((line) => line.includes('✗ FAIL')));
});

report('median of odd and even counts', () => {
  assert.is(median([3, 1, 2]), 2);
  assert.is(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

report('goals pass within both limits', () => {
  const lines = goalLines(sized(1_000_000, [1000, 1100, 900], [1200, 1250, 1150], 200 * 1024));
  assert.equal(lines, [
    'goal  time ratio check/csv-parse ≤ 1.25: ✓ pass (1.20)',
    'goal  peak memory of check ≤ 300 MiB: ✓ pass (200 MiB)',
  ]);
});

report('goals fail beyond them, and a failed check fails both', () => {
  assert.match(goalLines(sized(1, [1000], [2000], 200 * 1024))[0], '✗ FAIL (2.00)');
  assert.match(goalLines(sized(1, [1000], [1000], 301 * 1024))[1], '✗ FAIL (301 MiB)');
  const failed = goalLines(sized(1, [1000], [1000], 100 * 1024, 'exit 2'));
  assert.ok(failed.every((line) => line.includes('✗ FAIL')));
  assert.match(detailLines(sized(1, [1000], [1000], 100 * 1024, 'exit 2')).join('\n'), 'FAILED: exit 2');
});

report('scaling table, one row per trace count', () => {
  const table = scalingTable([sized(1_000_000, [3000], [90_000], 2_300_000), sized(3_000_000, [9000], [300_000], 6_000_000)]);
  assert.is(table.length, 4);
  assert.match(table[0], /^\| traces +\| csv-parse \| vigie check \| ratio \| check peak +\| csv-parse peak \|$/);
  assert.match(table[2], /^\| 1,000,000 \| 3\.00 s +\| 90\.00 s +\| 30\.00 \| 2,246 MiB +\| 60 MiB +\|$/);
});

report('GNU time reports are read', () => {
  assert.is(parseGnuTimeMaxRss('\tUser time (seconds): 1.0\n\tMaximum resident set size (kbytes): 123456\n'), 123456);
  assert.is(parseGnuTimeMaxRss('nothing'), undefined);
});

report('counts on the command line', () => {
  assert.is(parseCount('traces', '1_000_000'), 1_000_000);
  assert.is(parseCount('runs', undefined, 3), 3);
  assert.equal(parseCountList('traces-list', '1000000, 3_000_000'), [1_000_000, 3_000_000]);
  assert.throws(() => parseCount('grants', '1e5'), /whole number/);
  assert.throws(() => parseCount('grants', undefined), /required/);
});

report('the bench runs vigie with the node flags of its command line', () => {
  assert.equal(shebangFlags('#!/usr/bin/env node\nimport x;'), []);
  assert.equal(shebangFlags('#!/usr/bin/env -S node --a=1  --b\n'), ['--a=1', '--b']);
  assert.equal(shebangFlags('// no shebang\n'), []);
  // The command itself: the flags it gives node are the ones the bench times.
  assert.equal(shebangFlags(readFileSync('bin/vigie.js', 'utf8')), ['--v8-pool-size=1', '--max-inlined-bytecode-size-cumulative=250', '--max-old-space-size=2047', '--expose-gc', '--max-semi-space-size=8']);
});

report.run();
