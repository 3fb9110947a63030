import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listSnapshotFiles } from '../snapshot/snapshot-files.js';
import { BUNDLED_RULES } from '../rules/load-rules.js';
import { ruleFiles } from '../rules/rule-files.js';

const isYamlName = (entry: string): boolean => /\.ya?ml$/i.test(entry);
const isHiddenName = (entry: string): boolean => entry.startsWith('.');

/** What a run reads, as the command line names it. */
export interface RunInputPaths {
  /** Snapshot folders or single-file snapshots (a portfolio's, `--previous`). */
  readonly snapshots: readonly string[];
  /** `--config`, `--waivers`, `--baseline`: files read as they are. */
  readonly files: readonly (string | undefined)[];
  /** `--rules` folders (the bundled rules are added). */
  readonly rulesDirs: readonly string[];
}

/**
 * The files a run reads, to be kept from its outputs: each snapshot's partner file and table
 * files (or the single file given), the files named by options, and the YAML files of the rule
 * folders. Only what exists is listed: a missing input is an error of its own, later.
 */
export async function runInputFiles(paths: RunInputPaths): Promise<string[]> {
  const files: string[] = [];
  for (const snapshot of paths.snapshots) files.push(...(await snapshotInputs(snapshot)));
  for (const file of paths.files) if (file !== undefined && file !== '') files.push(file);
  // Every YAML file of the rule folders, `_shared` and `_data` included; what the walk cannot read, the loader reports.
  for (const folder of [BUNDLED_RULES, ...paths.rulesDirs]) files.push(...ruleFiles(folder, [], isYamlName, isHiddenName));
  return files;
}

async function snapshotInputs(path: string): Promise<string[]> {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return [];
  }
  if (!isFolder) return [path];
  // The folder may be a portfolio: its snapshot folders and single-file (JSON) snapshots are inputs too.
  const files = await snapshotFilesOf(path);
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.name.toLowerCase().endsWith('.json') && isFile(child)) files.push(child);
    else if (isDirectory(child)) files.push(...(await snapshotFilesOf(child)));
  }
  return files;
}

async function snapshotFilesOf(folder: string): Promise<string[]> {
  const listed = await listSnapshotFiles(folder).catch(() => undefined);
  if (!listed) return [];
  return [...listed.partner, ...[...listed.tables.values()].flat()].map((name) => join(folder, name));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
