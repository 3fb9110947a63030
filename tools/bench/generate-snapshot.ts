import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { partnerDocument, PARTNER_NAME } from './partner-document.js';
import { Random } from './random.js';
import { sideTables } from './side-tables.js';
import { ADMINISTRATOR_ID, DEPUTY_ID, planSnapshot } from './snapshot-plan.js';
import { csvLine, TextSink } from './text-sink.js';
import { writeTraces } from './write-traces.js';

export interface GenerateOptions {
  /** Folder to write into (created if needed; files of the same names are replaced). */
  readonly out: string;
  /** Rows of habilitations.csv. */
  readonly grants: number;
  /** Rows of traces.csv. */
  readonly traces: number;
  readonly seed?: number;
}

/** One written file: its data rows (header excluded; none for partner.yaml) and size. */
export interface WrittenFile {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface GenerateSummary {
  readonly out: string;
  readonly files: readonly WrittenFile[];
}

export const DEFAULT_SEED = 20240630;

async function writeTable(path: string, header: readonly string[], rows: Iterable<readonly (string | undefined)[]>): Promise<number> {
  const sink = new TextSink(path);
  await sink.writeLine(csvLine(header));
  for (const row of rows) await sink.writeLine(csvLine(row));
  await sink.close();
  return sink.lines - 1;
}

function* cellsOf<T extends object>(records: readonly T[], header: readonly string[]): Iterable<(string | undefined)[]> {
  for (const record of records) yield header.map((column) => (record as Record<string, string | undefined>)[column]);
}

/**
 * Writes a realistic snapshot (partner.yaml and eleven CSV tables) sized by `grants` and
 * `traces`, with a low rate of violations that real rules catch. Same options, same bytes:
 * everything random comes from one seeded generator and every date is fixed.
 */
export async function generateSnapshot(options: GenerateOptions): Promise<GenerateSummary> {
  const { out, grants, traces } = options;
  if (!Number.isInteger(grants) || grants < 1) throw new Error(`--grants must be a positive integer (${grants})`);
  if (!Number.isInteger(traces) || traces < 0) throw new Error(`--traces must be a non-negative integer (${traces})`);
  const random = new Random(options.seed ?? DEFAULT_SEED);
  await mkdir(out, { recursive: true });
  const plan = planSnapshot(grants, random);
  const administrator = plan.users.find((user) => user.user_id === ADMINISTRATOR_ID)!;
  const deputy = plan.users.find((user) => user.user_id === DEPUTY_ID)!;
  const rowCounts = new Map<string, number>();

  await writeFile(join(out, 'partner.yaml'), partnerDocument(administrator, deputy, plan.activeUsers));
  rowCounts.set('partner.yaml', 0);
  const usersHeader = ['user_id', 'last_name', 'first_name', 'email', 'function', 'employer', 'kind', 'left_on', 'function_changed_on', 'change_reported_on'];
  rowCounts.set('users.csv', await writeTable(join(out, 'users.csv'), usersHeader, cellsOf(plan.users, usersHeader)));
  const sitesHeader = ['site_id', 'name', 'address'];
  rowCounts.set('sites.csv', await writeTable(join(out, 'sites.csv'), sitesHeader, cellsOf(plan.sites, sitesHeader)));
  const facilitiesHeader = ['facility_id', 'name', 'site_id', 'service'];
  rowCounts.set('facilities.csv', await writeTable(join(out, 'facilities.csv'), facilitiesHeader, cellsOf(plan.facilities, facilitiesHeader)));
  const grantsHeader = ['user_id', 'service', 'profile', 'scope_level', 'scope_id', 'granted_on', 'revoked_on', 'granted_by'];
  rowCounts.set('habilitations.csv', await writeTable(join(out, 'habilitations.csv'), grantsHeader, cellsOf(plan.grants, grantsHeader)));
  rowCounts.set('traces.csv', await writeTraces(join(out, 'traces.csv'), plan, traces, random));
  for (const table of sideTables(PARTNER_NAME, ADMINISTRATOR_ID, deputy.email)) {
    rowCounts.set(`${table.name}.csv`, await writeTable(join(out, `${table.name}.csv`), table.header, table.rows));
  }

  const files: WrittenFile[] = [];
  for (const [file, rows] of rowCounts) files.push({ file, rows, bytes: (await stat(join(out, file))).size });
  return { out, files };
}

function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `wrote DIR: 12 files, 1,126,050 rows, 78.3 MiB (users.csv 25,612 · …)`. */
export function describeSummary(summary: GenerateSummary): string {
  const rows = summary.files.reduce((total, file) => total + file.rows, 0);
  const bytes = summary.files.reduce((total, file) => total + file.bytes, 0);
  const detail = summary.files.filter((file) => file.file.endsWith('.csv')).map((file) => `${file.file} ${grouped(file.rows)}`).join(' · ');
  return `wrote ${summary.out}: ${summary.files.length} files, ${grouped(rows)} rows, ${(bytes / 1048576).toFixed(1)} MiB (${detail})`;
}
