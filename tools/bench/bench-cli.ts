import { readFileSync } from 'node:fs';
import { rm, mkdtemp } from 'node:fs/promises';
import { arch, cpus, devNull, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { detailLines, grouped, scalingTable, seconds, type ProgramRuns, type SizeResult } from './bench-report.js';
import { parseCount, parseCountList } from './count-option.js';
import { DEFAULT_SEED, describeSummary, generateSnapshot } from './generate-snapshot.js';
import { measureNodeProcess, rssProbe, shebangFlags, type ProcessRun } from './measure-process.js';
import { tracesAsJson } from './traces-as-json.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VIGIE = join(ROOT, 'bin', 'vigie.js');
/** The flags the `vigie` command gives node (its `#!/usr/bin/env -S node …` line): the bench times the command as installed. */
const VIGIE_NODE_FLAGS = shebangFlags(readFileSync(VIGIE, 'utf8'));
// Plain JavaScript, so that the baseline pays Node's start-up alone, as vigie does (no tsx loader).
const BASELINE = fileURLToPath(new URL('./csv-parse-baseline.mjs', import.meta.url));

const USAGE = `usage: npm run bench -- [--grants N] [--traces M | --traces-list M1,M2,…] [--runs R] [--seed S] [--keep] [--no-json]
  Generates a snapshot per trace count (in ${tmpdir()}), then times csv-parse alone,
  \`vigie check DIR --format json --output ${devNull}\` and the same check with the traces as
  traces.json (not with --no-json) R times each (median), with peak memory.
  Defaults: --grants 100000 --traces 1000000 --runs 3.
`;

/** Collected runs of one program, stopping at its first failure. */
class RunLog {
  readonly wallMs: number[] = [];
  readonly peakKiB: number[] = [];
  failure?: string;

  constructor(private readonly acceptedExitCodes: readonly number[]) {}

  add(run: ProcessRun): void {
    this.wallMs.push(run.wallMs);
    if (run.maxRssKiB !== undefined) this.peakKiB.push(run.maxRssKiB);
    this.failure = failureOf(run, this.acceptedExitCodes);
  }

  result(): ProgramRuns {
    return { wallMs: this.wallMs, peakKiB: this.peakKiB, failure: this.failure };
  }
}

/** What went wrong in a run, in one line, or undefined when it ended as expected. */
function failureOf(run: ProcessRun, accepted: readonly number[]): string | undefined {
  const lines = run.stderrTail.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const telling = lines.find((line) => /FATAL|heap out of memory|erreur interne|internal error/i.test(line)) ?? lines.at(-1) ?? '';
  if (run.signal !== null) return `killed by ${run.signal}${run.signal === 'SIGABRT' ? ' (out of memory?)' : ''}${telling ? `: ${telling}` : ''}`;
  if (run.exitCode === null || !accepted.includes(run.exitCode)) return `exit ${run.exitCode}${telling ? `: ${telling}` : ''}`;
  return undefined;
}

function describeRun(run: ProcessRun): string {
  return `${seconds(run.wallMs)}${run.maxRssKiB === undefined ? '' : `, ${grouped(Math.round(run.maxRssKiB / 1024))} MiB`}, ${run.signal ?? `exit ${run.exitCode}`}`;
}

async function measureSize(grants: number, traces: number, runs: number, seed: number, keep: boolean, withJson: boolean): Promise<SizeResult> {
  const folder = await mkdtemp(join(tmpdir(), `vigie-bench-${traces}-`));
  try {
    const started = performance.now();
    const summary = await generateSnapshot({ out: folder, grants, traces, seed });
    process.stdout.write(`generated in ${seconds(performance.now() - started)}: ${describeSummary(summary)}\n`);
    const csvParse = new RunLog([0]);
    // `vigie check` exits 1 when it finds violations, which the generated snapshot has.
    const check = new RunLog([0, 1]);
    const json = new RunLog([0, 1]);
    const jsonFolder = `${folder}-json`;
    if (withJson) await tracesAsJson(folder, jsonFolder);
    // Interleaved, so that a slow drift of the machine weighs on both programs alike.
    for (let run = 1; run <= runs; run += 1) {
      const notes: string[] = [];
      if (csvParse.failure === undefined) {
        const baseline = await measureNodeProcess([BASELINE, folder], ROOT);
        csvParse.add(baseline);
        notes.push(`csv-parse ${describeRun(baseline)}`);
      }
      if (check.failure === undefined) {
        const checked = await measureNodeProcess([...VIGIE_NODE_FLAGS, VIGIE, 'check', folder, '--format', 'json', '--output', devNull], ROOT);
        check.add(checked);
        notes.push(`vigie check ${describeRun(checked)}`);
      }
      if (withJson && json.failure === undefined) {
        const checked = await measureNodeProcess([...VIGIE_NODE_FLAGS, VIGIE, 'check', jsonFolder, '--format', 'json', '--output', devNull], ROOT);
        json.add(checked);
        notes.push(`JSON traces ${describeRun(checked)}`);
      }
      if (notes.length > 0) process.stderr.write(`  run ${run}/${runs}: ${notes.join(' · ')}\n`);
    }
    return { grants, traces, csvParse: csvParse.result(), check: check.result(), ...(withJson ? { json: json.result() } : {}) };
  } finally {
    if (keep) process.stdout.write(`kept ${folder}${withJson ? ` and ${folder}-json` : ''}\n`);
    else await Promise.all([rm(folder, { recursive: true, force: true }), rm(`${folder}-json`, { recursive: true, force: true })]);
  }
}

/** `npm run bench`: times `vigie check` against csv-parse alone on generated snapshots. */
async function main(argv: readonly string[]): Promise<number> {
  let settings;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        grants: { type: 'string' },
        traces: { type: 'string' },
        'traces-list': { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        keep: { type: 'boolean' },
        'no-json': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (values.traces !== undefined && values['traces-list'] !== undefined) throw new Error('give --traces or --traces-list, not both');
    settings = {
      grants: parseCount('grants', values.grants, 100_000),
      sizes: values['traces-list'] === undefined ? [parseCount('traces', values.traces, 1_000_000)] : parseCountList('traces-list', values['traces-list']),
      runs: parseCount('runs', values.runs, 3),
      seed: parseCount('seed', values.seed, DEFAULT_SEED),
      keep: values.keep ?? false,
      withJson: !(values['no-json'] ?? false),
    };
    if (settings.runs < 1) throw new Error('--runs must be at least 1');
    if (settings.grants < 1) throw new Error('--grants must be at least 1');
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const { grants, sizes, runs, seed, keep, withJson } = settings;
  process.stdout.write(
    `vigie bench: ${grouped(grants)} grants, ${sizes.map(grouped).join(' / ')} traces, ${runs} run(s) each (median time), seed ${seed}\n` +
      `node ${process.version}, ${platform()} ${arch()}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}); peak memory read by ${rssProbe()}\n`,
  );
  const results: SizeResult[] = [];
  for (const traces of sizes) {
    const result = await measureSize(grants, traces, runs, seed, keep, withJson);
    results.push(result);
    process.stdout.write(`${detailLines(result).join('\n')}\n`);
  }
  if (results.length > 1) process.stdout.write(`\n${scalingTable(results).join('\n')}\n`);
  // Missing the goals is a measurement, not an error; a program that failed is.
  return results.some((result) => result.check.failure !== undefined || result.csvParse.failure !== undefined) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
