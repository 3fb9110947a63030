import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file whole or not at all: the text goes to a temporary file in the target's folder,
 * flushed to disk, then renamed over the target, so that a crash or a full disk mid-write
 * leaves the previous content and no temporary file. A symbolic link is followed (the file it
 * names is replaced, the link stays); an existing file keeps its permissions. A target that is
 * not a regular file (`/dev/stdout`, a FIFO) has nothing to replace and is written as it is.
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = targetOf(path);
  if (target.special) {
    writeFileSync(path, text);
    return;
  }
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never reuse a file that happens to bear the temporary name.
  const fd = openSync(temporary, 'wx', 0o666);
  let open = true;
  try {
    writeFileSync(fd, text);
    // The mode given to openSync is reduced by the umask: an existing file's own mode is kept as it was.
    if (target.mode !== undefined) fchmodSync(fd, target.mode);
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(temporary, target.path);
  } catch (error) {
    if (open) closeQuietly(fd);
    removeQuietly(temporary);
    throw error;
  }
}

interface Target {
  /** The path renamed over: the file itself, through any symbolic link. */
  readonly path: string;
  readonly mode?: number;
  readonly special: boolean;
}

function targetOf(path: string): Target {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    // Nothing there yet (or a dangling link): the new file takes the name.
    return { path, special: false };
  }
  if (!stats.isFile()) return { path, special: true };
  return { path: realpathSync(path), mode: stats.mode & 0o7777, special: false };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write's own error is the one to report.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never created.
  }
}
