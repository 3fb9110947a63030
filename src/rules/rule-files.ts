import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { kindOf } from '../util/read-bounded-text.js';
import { displayPath } from './read-yaml-file.js';
import type { RuleFileError } from './rule-error.js';

/** Whether an entry name is a rule file (fixtures and hidden or `_` entries are not). */
export const isRuleName = (entry: string): boolean => entry.endsWith('.yaml') && !entry.endsWith('.tests.yaml');

/** The folders and files already reached, by real path: each is read once, a link back is a loop. */
interface Walk {
  readonly wanted: (entry: string) => boolean;
  readonly skipped: (entry: string) => boolean;
  readonly errors: RuleFileError[];
  readonly seen: Set<string>;
  /** The real paths of the folders being walked: a link to one of them is a loop. */
  readonly ancestors: string[];
  readonly files: string[];
}

function fail(walk: Walk, path: string, reason: string, kind?: string): void {
  walk.errors.push({ file: displayPath(path), line: 1, column: 1, code: 'rule-unreadable', params: kind === undefined ? { reason } : { reason, kind } });
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'EIO';

/** Hidden entries, and `_` ones (shared facts, reference data), which the loader reads apart. */
const isSkippedName = (entry: string): boolean => entry.startsWith('_') || entry.startsWith('.');

/** Every `<RULE-ID>.yaml` (or `wanted` name) below a folder, sorted; entries are lstat'ed, never opened (a FIFO would hang the run), bad links are located errors. */
export function ruleFiles(
  folder: string,
  errors: RuleFileError[],
  wanted: (entry: string) => boolean = isRuleName,
  skipped: (entry: string) => boolean = isSkippedName,
): string[] {
  const walk: Walk = { wanted, skipped, errors, seen: new Set(), ancestors: [], files: [] };
  let stats: Stats;
  try {
    stats = statSync(folder);
  } catch (error) {
    fail(walk, folder, codeOf(error));
    return [];
  }
  if (!stats.isDirectory()) fail(walk, folder, 'ENOTDIR');
  else walkFolder(folder, walk);
  return walk.files;
}

function walkFolder(folder: string, walk: Walk): void {
  let real: string;
  let entries: string[];
  try {
    real = realpathSync(folder);
    entries = readdirSync(folder).sort();
  } catch (error) {
    fail(walk, folder, codeOf(error));
    return;
  }
  if (walk.ancestors.includes(real)) return fail(walk, folder, 'LINK_LOOP');
  // Reached before through another link, but not a loop: its files are already listed.
  if (walk.seen.has(real)) return;
  walk.seen.add(real);
  walk.ancestors.push(real);
  for (const entry of entries) {
    if (walk.skipped(entry)) continue;
    visit(join(folder, entry), entry, walk);
  }
  walk.ancestors.pop();
}

function visit(path: string, entry: string, walk: Walk): void {
  let stats: Stats;
  try {
    stats = lstatSync(path);
    // A link is judged by what it points to; statSync follows it without opening anything.
    if (stats.isSymbolicLink()) stats = statSync(path);
  } catch (error) {
    const code = codeOf(error);
    return fail(walk, path, code === 'ENOENT' ? 'DANGLING_LINK' : code);
  }
  if (stats.isDirectory()) {
    if (walk.wanted(entry)) return fail(walk, path, 'NOT_REGULAR', 'folder');
    return walkFolder(path, walk);
  }
  if (!walk.wanted(entry)) return;
  if (!stats.isFile()) return fail(walk, path, 'NOT_REGULAR', kindOf(stats));
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return fail(walk, path, codeOf(error));
  }
  if (walk.seen.has(real)) return;
  walk.seen.add(real);
  walk.files.push(path);
}
