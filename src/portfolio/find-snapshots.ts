import { readdir, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listSnapshotFiles, statFollowing } from '../snapshot/snapshot-files.js';
import { kindOf } from '../util/read-bounded-text.js';
import type { SkippedPath } from '../report/portfolio-types.js';

export type { SkippedPath } from '../report/portfolio-types.js';

/** The snapshots a `vigie check` command line names, and whether they make a portfolio run. */
export interface SnapshotList {
  readonly paths: readonly string[];
  /** Several snapshots, or a folder of snapshots (even one): one summary row per partner. */
  readonly portfolio: boolean;
  /** What was left out and why, in the order met. */
  readonly skipped: readonly SkippedPath[];
}

/**
 * Expands folders of snapshots one level, links followed; anything else stays as given, to get
 * the reader's precise error. Paths are compared by their real path (`snap`, `./snap` and a link
 * to it are one partner), and shown as given the first time.
 */
export async function findSnapshots(paths: readonly string[]): Promise<SnapshotList> {
  const found: string[] = [];
  const skipped: SkippedPath[] = [];
  let folderOfSnapshots = false;
  for (const path of paths) {
    const inside = await snapshotsInside(path, skipped);
    if (inside) folderOfSnapshots = true;
    found.push(...(inside ?? [path]));
  }
  const byRealPath = new Map<string, string>();
  for (const path of found) {
    const real = await realpath(path).catch(() => resolve(path));
    const first = byRealPath.get(real);
    if (first === undefined) byRealPath.set(real, path);
    else skipped.push({ path, reason: 'duplicate', sameAs: first });
  }
  const unique = [...byRealPath.values()];
  return { paths: unique, portfolio: folderOfSnapshots || unique.length > 1, skipped };
}

/** The snapshots a folder of snapshots holds (its other entries skipped, with why); undefined when the path is a snapshot itself or not a folder. */
async function snapshotsInside(path: string, skipped: SkippedPath[]): Promise<string[] | undefined> {
  const found = await statFollowing(path);
  if ('reason' in found || !found.stats.isDirectory()) return undefined;
  if (await holdsSnapshotFiles(path)) return undefined;
  const entries = await readdir(path).catch(() => undefined);
  if (!entries) return undefined;
  const children: string[] = [];
  const notes: SkippedPath[] = [];
  for (const name of entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const child = join(path, name);
    if (name.startsWith('.')) {
      notes.push({ path: child, reason: 'hidden' });
      continue;
    }
    // A link is judged by what it points to, as the reader does.
    const stats = await statFollowing(child);
    if ('reason' in stats) notes.push({ path: child, reason: 'unreadable', code: stats.reason });
    else if (stats.stats.isDirectory()) {
      if (await holdsSnapshotFiles(child)) children.push(child);
      else notes.push({ path: child, reason: 'no-snapshot-files' });
    } else if (/\.json$/i.test(name) && stats.stats.isFile()) children.push(child);
    else if (/\.json$/i.test(name)) notes.push({ path: child, reason: 'unreadable', code: 'NOT_REGULAR', kind: kindOf(stats.stats) });
    else notes.push({ path: child, reason: 'not-a-snapshot-file' });
  }
  // A folder with no snapshot at all is left to the reader, which says what it lacks.
  if (children.length === 0) return undefined;
  skipped.push(...notes);
  return children;
}

/** Whether a folder holds snapshot files of its own (even unreadable ones: the reader reports them). */
async function holdsSnapshotFiles(folder: string): Promise<boolean> {
  const files = await listSnapshotFiles(folder).catch(() => undefined);
  return Boolean(files && (files.partner.length > 0 || files.tables.size > 0 || files.problems.length > 0));
}

