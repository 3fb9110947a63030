import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/** One run of a child process: wall time, peak memory, how it ended, what it said. */
export interface ProcessRun {
  readonly wallMs: number;
  /** Peak resident set size in KiB; undefined when it could not be read. */
  readonly maxRssKiB?: number;
  readonly exitCode: number | null;
  /** The signal that killed it (`SIGABRT` for a V8 out-of-memory abort), if any. */
  readonly signal: string | null;
  readonly stdout: string;
  /** The last few kilobytes of stderr, to explain a failure. */
  readonly stderrTail: string;
}

/** How peak memory is read: GNU time around the child, or a preload inside Node. */
export type RssProbe = 'gnu-time' | 'node-preload';

const GNU_TIME = '/usr/bin/time';
const STDERR_TAIL_CHARS = 4096;
// Plain JavaScript: it is preloaded into the measured vigie, which must not load tsx.
const PRELOAD = fileURLToPath(new URL('./max-rss-preload.mjs', import.meta.url));

let probe: RssProbe | undefined;

/**
 * GNU time (`-v`) when it is there: it reads the child's peak RSS from wait4(), outside the
 * child, so the figure holds even when Node dies of an out-of-memory abort, and it adds no
 * code to the measured process. BSD/macOS time has no `-v`, and minimal images have no
 * time at all: then a module preloaded with `node --import` reports
 * `process.resourceUsage().maxRSS` at exit (the same getrusage figure, but only for a
 * process that exits normally).
 */
export function rssProbe(): RssProbe {
  // VIGIE_BENCH_RSS_PROBE=node-preload forces the fallback, to compare both ways on one machine.
  if (probe === undefined && process.env.VIGIE_BENCH_RSS_PROBE === 'node-preload') probe = 'node-preload';
  if (probe === undefined) {
    const trial = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
    probe = trial.status === 0 && /Maximum resident set size/.test(trial.stderr ?? '') ? 'gnu-time' : 'node-preload';
  }
  return probe;
}

/** `Maximum resident set size (kbytes): 123456` in a GNU time -v report. */
export function parseGnuTimeMaxRss(report: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return match ? Number(match[1]) : undefined;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Runs `node <nodeArgs…>` to completion, timing it from spawn to exit (wall clock, measured
 * here) and reading its peak resident memory. Output is collected, never shown.
 */
export async function measureNodeProcess(nodeArgs: readonly string[], cwd: string): Promise<ProcessRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'vigie-bench-rss-'));
  const reportFile = join(scratch, 'rss');
  const method = rssProbe();
  const [command, args] =
    method === 'gnu-time'
      ? [GNU_TIME, ['-v', '-o', reportFile, process.execPath, ...nodeArgs]]
      : [process.execPath, ['--import', PRELOAD, ...nodeArgs]];
  try {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIGIE_BENCH_MAXRSS_FILE: reportFile, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, killedBy) => resolve([code, killedBy]));
    });
    const wallMs = performance.now() - started;
    const report = readOptional(reportFile);
    const maxRssKiB = report === undefined ? undefined : method === 'gnu-time' ? parseGnuTimeMaxRss(report) : Number(report) || undefined;
    // GNU time exits with the child's status, or 128 + signal when the child was killed.
    const killed = method === 'gnu-time' && report !== undefined ? /Command terminated by signal (\d+)/.exec(report) : null;
    return {
      wallMs,
      maxRssKiB,
      exitCode: killed ? null : exitCode,
      signal: killed ? signalName(Number(killed[1])) : signal,
      stdout,
      stderrTail: stderr,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function signalName(number: number): string {
  const name = Object.entries(constants.signals).find(([, value]) => value === number)?.[0];
  return name ?? `signal ${number}`;
}

/** The node flags of a script's `#!/usr/bin/env -S node …` line (none for a plain `#!/usr/bin/env node`). */
export function shebangFlags(script: string): string[] {
  const first = script.split('\n', 1)[0];
  const match = /^#!\s*\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+\S+)*)\s*$/.exec(first);
  return match ? match[1].split(/\s+/).filter((flag) => flag !== '') : [];
}
