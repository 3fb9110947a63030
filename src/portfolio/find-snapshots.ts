import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listSnapshotFiles } from '../snapshot/snapshot-files.js';
import { isTableName } from '../snapshot/table-schemas.js';

/** The snapshots a `vigie check` command line names, and whether they make a portfolio run. */
export interface SnapshotList {
  readonly paths: readonly string[];
  /** Several snapshots, or a folder of snapshots (even one): one summary row per partner. */
  readonly portfolio: boolean;
}

/** Expands folders of snapshots one level; anything else stays as given, to get the reader's precise error. */
export async function findSnapshots(paths: readonly string[]): Promise<SnapshotList> {
  const found: string[] = [];
  let folderOfSnapshots = false;
  for (const path of paths) {
    const children = await snapshotsInside(path);
    if (children.length > 0) folderOfSnapshots = true;
    found.push(...(children.length > 0 ? children : [path]));
  }
  const unique = [...new Set(found)];
  return { paths: unique, portfolio: folderOfSnapshots || unique.length > 1 };
}

/** The snapshots a folder of snapshots holds; empty when the path is a snapshot itself (or not a folder). */
async function snapshotsInside(path: string): Promise<string[]> {
  if (!(await isFolder(path))) return [];
  const own = await listSnapshotFiles(path).catch(() => undefined);
  if (!own || own.partner.length > 0 || own.tables.size > 0) return [];
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  const children: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory() && (await holdsSnapshotFiles(child))) children.push(child);
    // A `users.json` is a table without its partner, not a snapshot of its own.
    const json = /^(.+)\.json$/i.exec(entry.name);
    if (entry.isFile() && json && !isTableName(json[1].toLowerCase())) children.push(child);
  }
  return children;
}

async function holdsSnapshotFiles(folder: string): Promise<boolean> {
  const files = await listSnapshotFiles(folder).catch(() => undefined);
  return Boolean(files && (files.partner.length > 0 || files.tables.size > 0));
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
