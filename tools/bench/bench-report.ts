/** The targets `vigie check` is held to, against csv-parse alone on the same files; JSON traces against the CSV check. */
export const GOALS = { maxRatio: 1.25, maxPeakMiB: 300, maxJsonRatio: 2 } as const;

/** Timings of one measured program over the runs at one snapshot size. */
export interface ProgramRuns {
  readonly wallMs: readonly number[];
  /** Peak RSS (KiB) of each run whose figure could be read. */
  readonly peakKiB: readonly number[];
  /** Why the program failed, when it did (the runs stop at the first failure). */
  readonly failure?: string;
}

/** Everything measured at one snapshot size. */
export interface SizeResult {
  readonly grants: number;
  readonly traces: number;
  readonly csvParse: ProgramRuns;
  readonly check: ProgramRuns;
  /** `vigie check` of the same snapshot with its traces as traces.json, when measured. */
  readonly json?: ProgramRuns;
}

/** The middle value (mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The highest peak over the runs, in MiB; undefined when no run reported one. */
export function peakMiB(runs: ProgramRuns): number | undefined {
  return runs.peakKiB.length === 0 ? undefined : Math.max(...runs.peakKiB) / 1024;
}

/** Median time of `vigie check` over median time of csv-parse. */
export function timeRatio(result: SizeResult): number {
  return median(result.check.wallMs) / median(result.csvParse.wallMs);
}

export function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function seconds(ms: number): string {
  return Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`;
}

export function mebibytes(mib: number | undefined): string {
  return mib === undefined ? 'unknown' : `${grouped(Math.round(mib))} MiB`;
}

function mark(pass: boolean): string {
  return pass ? '✓ pass' : '✗ FAIL';
}

/** The two goal lines, with pass/fail marks; a failed check fails both. */
export function goalLines(result: SizeResult): string[] {
  const ratio = timeRatio(result);
  const peak = peakMiB(result.check);
  const failed = result.check.failure !== undefined || result.csvParse.failure !== undefined;
  const ratioPass = !failed && ratio <= GOALS.maxRatio;
  const memoryPass = !failed && peak !== undefined && peak <= GOALS.maxPeakMiB;
  return [
    `goal  time ratio check/csv-parse ≤ ${GOALS.maxRatio}: ${mark(ratioPass)} (${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'})`,
    `goal  peak memory of check ≤ ${GOALS.maxPeakMiB} MiB: ${mark(memoryPass)} (${mebibytes(peak)})`,
  ];
}

function programLine(label: string, runs: ProgramRuns): string {
  const each = runs.wallMs.map(seconds).join(', ');
  const status = runs.failure === undefined ? '' : `  FAILED: ${runs.failure}`;
  return `${label}median ${seconds(median(runs.wallMs))} (runs: ${each}), peak ${mebibytes(peakMiB(runs))}${status}`;
}

/** The JSON traces' time and peak over the CSV check's, when both were measured. */
export function jsonRatios(result: SizeResult): { time: number; memory: number } | undefined {
  if (!result.json) return undefined;
  const jsonPeak = peakMiB(result.json);
  const csvPeak = peakMiB(result.check);
  return {
    time: median(result.json.wallMs) / median(result.check.wallMs),
    memory: jsonPeak === undefined || csvPeak === undefined ? Number.NaN : jsonPeak / csvPeak,
  };
}

/** The JSON goal lines: time and peak of the check of traces.json within 2× those of traces.csv. */
export function jsonGoalLines(result: SizeResult): string[] {
  const ratios = jsonRatios(result);
  if (!result.json || !ratios) return [];
  const failed = result.json.failure !== undefined || result.check.failure !== undefined;
  const figure = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
  return [
    `goal  time ratio json/csv check ≤ ${GOALS.maxJsonRatio}: ${mark(!failed && ratios.time <= GOALS.maxJsonRatio)} (${figure(ratios.time)})`,
    `goal  peak ratio json/csv check ≤ ${GOALS.maxJsonRatio}: ${mark(!failed && ratios.memory <= GOALS.maxJsonRatio)} (${figure(ratios.memory)})`,
  ];
}

/** The report of one snapshot size: every program, the ratios, the goals. */
export function detailLines(result: SizeResult): string[] {
  return [
    `${grouped(result.grants)} grants, ${grouped(result.traces)} traces`,
    programLine('  csv-parse alone   ', result.csvParse),
    programLine('  vigie check       ', result.check),
    ...(result.json ? [programLine('  vigie check, JSON ', result.json)] : []),
    `  ratio check/csv-parse: ${Number.isFinite(timeRatio(result)) ? timeRatio(result).toFixed(2) : '–'}`,
    ...goalLines(result).map((line) => `  ${line}`),
    ...jsonGoalLines(result).map((line) => `  ${line}`),
  ];
}

/** Time and memory per trace count, as recorded in the README. */
export function scalingTable(results: readonly SizeResult[]): string[] {
  const header = ['traces', 'csv-parse', 'vigie check', 'ratio', 'check peak', 'csv-parse peak'];
  const rows = results.map((result) => [
    grouped(result.traces),
    seconds(median(result.csvParse.wallMs)),
    result.check.failure === undefined ? seconds(median(result.check.wallMs)) : `failed (${seconds(median(result.check.wallMs))})`,
    Number.isFinite(timeRatio(result)) ? timeRatio(result).toFixed(2) : '–',
    mebibytes(peakMiB(result.check)),
    mebibytes(peakMiB(result.csvParse)),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
}
