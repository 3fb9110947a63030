import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Below this size of trace file, a second thread saves no time and costs memory (docs/PERFORMANCE.md). */
const WORKER_MIN_BYTES = 64 * 1024 * 1024;

/** The main thread's part is this much shorter: it first loads every table and runs the other rules (docs/PERFORMANCE.md). */
const MAIN_HEAD_START_BYTES = 20 * 1024 * 1024;

/** Where a trace file is cut for two threads (a line start), or undefined when read on one thread; VIGIE_TRACE_WORKER=1 cuts it whatever its size. */
export async function traceBoundary(tracesPath: string): Promise<number | undefined> {
  const size = sizeOf(tracesPath);
  const forced = process.env.VIGIE_TRACE_WORKER === '1';
  if (!forced && size < WORKER_MIN_BYTES) return undefined;
  // Forced (tests), the file is cut in its middle, where the worker's part is best checked.
  return lineStartAfter(tracesPath, size, forced ? Math.floor(size / 2) : Math.max(0, Math.floor((size - MAIN_HEAD_START_BYTES) / 2)));
}

/** The number of the line that starts at byte `offset`: one more than the line feeds before it. */
export async function lineAt(path: string, offset: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let line = 1;
    for (let position = 0; position < offset; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, offset - position), position);
      if (bytesRead === 0) break;
      const read = buffer.subarray(0, bytesRead);
      for (let at = read.indexOf(10); at !== -1; at = read.indexOf(10, at + 1)) line++;
      position += bytesRead;
    }
    return line;
  } finally {
    await handle.close();
  }
}

/** The first byte of the first line after `offset`, or undefined when none within 64 KiB or the file is UTF-16 (line feeds not single bytes). */
async function lineStartAfter(path: string, size: number, offset: number): Promise<number | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined;
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const feed = buffer.subarray(0, bytesRead).indexOf(10);
    // A line feed as the file's last byte leaves the worker nothing to read.
    return feed === -1 || offset + feed + 1 >= size ? undefined : offset + feed + 1;
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
