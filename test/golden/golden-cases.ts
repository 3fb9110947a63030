import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli.js';

/**
 * The outputs every refactor must keep byte for byte: each document vigie renders, on both
 * samples, with the traces read on one thread and on two. Expected files sit in
 * test/golden/expected/ and are written by `node --import tsx test/golden/write-golden.ts`
 * only when a change of behaviour is intended (and said in its commit).
 */
export const SAMPLES = ['samples/ca2c-2023', 'samples/exemple-conforme'] as const;

export const THREAD_MODES = {
  'one-thread': { VIGIE_SINGLE_THREAD: '1' },
  'two-threads': { VIGIE_TRACE_WORKER: '1' },
} as const;

/** One command of the CLI and the name of its expected output (stdout, or the file it writes). */
export interface GoldenCase {
  readonly name: string;
  readonly args: (sample: string, out: string) => string[];
  /** The file the command writes (`--ics`, `--output`) instead of stdout. */
  readonly writes?: boolean;
}

const REDACT_KEY = 'golden-key';

export const CASES: readonly GoldenCase[] = [
  ...['text', 'json', 'sarif', 'junit', 'markdown'].map((format) => ({ name: `check.${format}`, args: (s: string) => ['check', s, '--format', format] })),
  { name: 'check-en.text', args: (s) => ['check', s, '--format', 'text', '--lang', 'en'] },
  { name: 'check-redact.json', args: (s) => ['check', s, '--format', 'json', '--redact'] },
  { name: 'check-fail-on-never.json', args: (s) => ['check', s, '--format', 'json', '--fail-on', 'never', '--as-of', '2024-05-31'] },
  { name: 'check-output.sarif', args: (s, out) => ['check', s, '--format', 'sarif', '--output', out], writes: true },
  { name: 'validate.text', args: (s) => ['validate', s] },
  { name: 'validate.json', args: (s) => ['validate', s, '--format', 'json'] },
  { name: 'bilan.markdown', args: (s) => ['bilan', s, '--format', 'markdown'] },
  { name: 'bilan.html', args: (s) => ['bilan', s, '--format', 'html'] },
  { name: 'bilan-previous.markdown', args: (s) => ['bilan', s, '--previous', s, '--format', 'markdown', '--lang', 'en'] },
  { name: 'review.csv', args: (s) => ['review', s, '--format', 'csv'] },
  { name: 'review.markdown', args: (s) => ['review', s, '--format', 'markdown', '--redact'] },
  { name: 'deadlines.text', args: (s) => ['deadlines', s] },
  { name: 'deadlines.json', args: (s) => ['deadlines', s, '--format', 'json'] },
  { name: 'deadlines.ics', args: (s, out) => ['deadlines', s, '--ics', out], writes: true },
];

/** Cases over every sample at once: the portfolio. */
export const PORTFOLIO_CASES: readonly GoldenCase[] = [
  { name: 'portfolio.text', args: () => ['check', ...SAMPLES, '--format', 'text'] },
  { name: 'portfolio.json', args: () => ['check', ...SAMPLES, '--format', 'json'] },
  { name: 'portfolio.markdown', args: () => ['check', 'samples', '--format', 'markdown'] },
];

/** A snapshot with a dozen input errors in six files: every output still written, carrying them (exit 2). */
export const INVALID_SNAPSHOT = 'test/fixtures/bad-inputs/several-bad-files';

export const INVALID_CASES: readonly GoldenCase[] = [
  ...['text', 'json', 'sarif', 'junit', 'markdown'].map((format) => ({
    name: `check-invalid.${format}`,
    args: (s: string, out: string) => ['check', s, '--format', format, '--output', out],
    writes: true,
  })),
  { name: 'check-invalid-stdout.sarif', args: (s) => ['check', s, '--format', 'sarif', '--lang', 'en'] },
  { name: 'validate-invalid.text', args: (s) => ['validate', s] },
  { name: 'validate-invalid.json', args: (s) => ['validate', s, '--format', 'json'] },
];

/** What a case gives: its exit code, stderr and the document (stdout or the written file). */
export function runCase(testCase: GoldenCase, sample: string, env: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-golden-'));
  try {
    const out = join(dir, 'out');
    const run = runCli(testCase.args(sample, out), { env: { ...env, VIGIE_REDACT_KEY: REDACT_KEY } });
    const document = testCase.writes ? readFileSync(out, 'utf8') : run.stdout;
    return `exit ${run.code}\n--- stderr\n${run.stderr}--- output\n${document}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The expected file of a case. */
export function expectedPath(root: string, sample: string | undefined, name: string): string {
  const folder = sample === INVALID_SNAPSHOT ? 'invalid' : sample ? sample.replace(/^samples\//, '') : 'portfolio';
  return join(root, 'test/golden/expected', folder, `${name}.txt`);
}
