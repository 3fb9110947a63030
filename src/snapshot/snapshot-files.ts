import { lstat, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { kindOf } from '../util/read-bounded-text.js';
import { isTableName } from './table-schemas.js';

/** A snapshot file name that vigie cannot read as a file: a dangling link, a link loop, a folder or a FIFO. */
export interface SnapshotFileProblem {
  readonly name: string;
  /** `DANGLING_LINK`, `ELOOP`, `NOT_REGULAR` or a Node error code. */
  readonly reason: string;
  /** For `NOT_REGULAR`: what the path is (`folder`, `fifo`, `socket`, `device`, `other`). */
  readonly kind?: string;
  /** The table the name stands for; absent for the partner declarations. */
  readonly table?: string;
}

/** The files of a snapshot folder that vigie reads, by what they hold. */
export interface SnapshotFiles {
  /** `partner.yaml`, `partner.yml` or `partner.json` (more than one is a conflict). */
  readonly partner: readonly string[];
  /** Table name → its `NAME.csv` / `NAME.tsv` / `NAME.json` files (more than one is a conflict). */
  readonly tables: ReadonlyMap<string, readonly string[]>;
  /** Snapshot names that are not regular files (links followed): errors, never opened (a FIFO would block). */
  readonly problems: readonly SnapshotFileProblem[];
}

const PARTNER_FILE = /^partner\.(ya?ml|json)$/i;
const TABLE_FILE = /^(.+)\.(csv|tsv|json)$/i;

/** What a path is once its links are followed, or why it cannot be known; nothing is opened. */
export async function statFollowing(path: string): Promise<{ stats: Stats } | { reason: string }> {
  try {
    return { stats: await stat(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code !== 'ENOENT') return { reason: code };
    // stat says ENOENT both for nothing there and for a link to nothing: lstat tells them apart.
    const link = await lstat(path).then((stats) => stats.isSymbolicLink(), () => false);
    return { reason: link ? 'DANGLING_LINK' : code };
  }
}

/** Whether a path is a regular file once links are followed, else the problem in {@link SnapshotFileProblem}'s words. */
export async function regularFileProblem(path: string): Promise<Omit<SnapshotFileProblem, 'name' | 'table'> | undefined> {
  const found = await statFollowing(path);
  if ('reason' in found) return { reason: found.reason };
  return found.stats.isFile() ? undefined : { reason: 'NOT_REGULAR', kind: kindOf(found.stats) };
}

/** Lists a folder's snapshot files, names matched case-insensitively (`Users.CSV`), links followed; the rest is ignored. */
export async function listSnapshotFiles(folder: string): Promise<SnapshotFiles> {
  const entries = await readdir(folder);
  const partner: string[] = [];
  const tables = new Map<string, string[]>();
  const problems: SnapshotFileProblem[] = [];
  for (const name of entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const table = TABLE_FILE.exec(name)?.[1].toLowerCase();
    const isPartner = PARTNER_FILE.test(name);
    if (!isPartner && (table === undefined || !isTableName(table))) continue;
    // Only the names vigie reads are stat'ed: a link is judged by what it points to.
    const problem = await regularFileProblem(join(folder, name));
    if (problem) problems.push({ name, ...problem, ...(isPartner ? {} : { table }) });
    else if (isPartner) partner.push(name);
    else tables.set(table as string, [...(tables.get(table as string) ?? []), name]);
  }
  return { partner, tables, problems };
}
