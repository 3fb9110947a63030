import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** The size limits of the run's own files (README, "Limits"): beyond them the file is refused unread. */
export const FILE_LIMITS = {
  /** `--config` and `--waivers`. */
  settings: 1024 * 1024,
  /** A `--baseline` (a previous `--format json` output, possibly of a whole portfolio). */
  baseline: 64 * 1024 * 1024,
  /** One rule file, fixture file or reference-data file. */
  rule: 256 * 1024,
} as const;

/** Why a file could not be read: a Node error code (`ENOENT`, `EACCES`…), `NOT_REGULAR` or `TOO_LARGE`. */
export interface ReadProblem {
  readonly reason: string;
  /** For `NOT_REGULAR`: what the path is (`folder`, `fifo`, `socket`, `device`, `other`). */
  readonly kind?: string;
  /** For `TOO_LARGE`: the file's size and the limit, in bytes. */
  readonly size?: number;
  readonly limit?: number;
}

/** The text of a file, or why it was not read. */
export type BoundedText = { readonly text: string } | { readonly problem: ReadProblem };

/** What a non-regular path is, in the words of {@link ReadProblem.kind}. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'other';
}

/**
 * Reads a UTF-8 file of at most `limit` bytes. The path is stat'ed before it is opened (a FIFO
 * would block the open, `/dev/zero` never ends), opened non-blocking, checked again on the open
 * descriptor (the path may have changed in between) and read up to `limit + 1` bytes, so a file
 * that grows while read is still refused rather than read whole.
 */
export function readBoundedText(path: string, limit: number): BoundedText {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (!before.isFile()) return { problem: { reason: 'NOT_REGULAR', kind: kindOf(before) } };
    if (before.size > limit) return { problem: { reason: 'TOO_LARGE', size: before.size, limit } };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: { reason: 'NOT_REGULAR', kind: kindOf(stats) } };
    if (stats.size > limit) return { problem: { reason: 'TOO_LARGE', size: stats.size, limit } };
    const text = readUpTo(fd, Math.min(stats.size, limit) + 1, limit + 1);
    if (text.length > limit) return { problem: { reason: 'TOO_LARGE', size: text.length, limit } };
    return { text: text.toString('utf8') };
  } catch (error) {
    return { problem: { reason: (error as NodeJS.ErrnoException).code ?? 'EIO' } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** At most `max` bytes of an open file, in a buffer of `size` grown as needed (a file that grew since its fstat). */
function readUpTo(fd: number, size: number, max: number): Buffer {
  let buffer = Buffer.alloc(size);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length >= max) return buffer;
      const larger = Buffer.alloc(Math.min(max, buffer.length * 2));
      buffer.copy(larger);
      buffer = larger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}
