import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` in front of a measured program when GNU time is not available:
 * at exit, writes the process's peak resident set size (kilobytes, from getrusage) to the
 * file named by VIGIE_BENCH_MAXRSS_FILE. It cannot report a process killed by a signal.
 */
const target = process.env.VIGIE_BENCH_MAXRSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
