import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Below this size of trace file, a second thread saves no time and costs memory (docs/PERFORMANCE.md). */
const WORKER_MIN_BYTES = 64 * 1024 * 1024;

/** The main thread's part is this much shorter: it first loads every table and runs the other rules (docs/PERFORMANCE.md). */
const MAIN_HEAD_START_BYTES = 20 * 1024 * 1024;

/** Where a trace file is cut for two threads (a line start, whatever its line ends), or undefined when read on one thread; VIGIE_TRACE_WORKER=1 cuts it whatever its size. */
export async function traceBoundary(tracesPath: string): Promise<number | undefined> {
  const size = sizeOf(tracesPath);
  const forced = process.env.VIGIE_TRACE_WORKER === '1';
  if (!forced && size < WORKER_MIN_BYTES) return undefined;
  // Forced (tests), the file is cut in its middle, where the worker's part is best checked.
  return lineStartAfter(tracesPath, size, forced ? Math.floor(size / 2) : Math.max(0, Math.floor((size - MAIN_HEAD_START_BYTES) / 2)));
}

/** The number of the line that starts at byte `offset`: one more than the line ends before it, LF, CRLF and CR each one. */
export async function lineAt(path: string, offset: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let line = 1;
    let afterCr = false;
    for (let position = 0; position < offset; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, offset - position), position);
      if (bytesRead === 0) break;
      const read = buffer.subarray(0, bytesRead);
      line += lineEndsIn(read, afterCr);
      afterCr = read[bytesRead - 1] === CR;
      position += bytesRead;
    }
    return line;
  } finally {
    await handle.close();
  }
}

const LF = 10;
const CR = 13;

/** The line ends in a block: every LF but those of a CRLF, and every CR; `afterCr` when the block before ended with a CR. */
function lineEndsIn(bytes: Buffer, afterCr: boolean): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) if (at > 0 ? bytes[at - 1] !== CR : !afterCr) count++;
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) count++;
  return count;
}

/** The first byte of the first line after `offset` (past a LF, a CR alone or a CRLF), or undefined when none within 64 KiB or the file is UTF-16 (line ends not single bytes). */
async function lineStartAfter(path: string, size: number, offset: number): Promise<number | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined;
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const read = buffer.subarray(0, bytesRead);
    const lf = read.indexOf(LF);
    const cr = read.subarray(0, lf === -1 ? read.length : lf).indexOf(CR);
    // A CR last in what was read may be a CRLF's: its line's start is not known.
    if (cr !== -1 && cr + 1 >= read.length && offset + read.length < size) return undefined;
    const start = cr !== -1 ? cr + (read[cr + 1] === LF ? 2 : 1) : lf === -1 ? -1 : lf + 1;
    // A line end as the file's last bytes leaves the worker nothing to read.
    return start === -1 || offset + start >= size ? undefined : offset + start;
  } finally {
    await handle.close();
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
