import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK_CHARS = 1 << 16;

/**
 * Writes text to a file in 64 KiB chunks, waiting for the stream to drain when it is full,
 * so that a generator producing millions of lines never holds them in memory.
 */
export class TextSink {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;
  private lineCount = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  /** Lines written so far (header included). */
  get lines(): number {
    return this.lineCount;
  }

  /** Appends one line (without its newline); resolves at once unless the stream must drain. */
  async writeLine(line: string): Promise<void> {
    this.pending.push(line, '\n');
    this.pendingChars += line.length + 1;
    this.lineCount += 1;
    if (this.pendingChars >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    if (this.pendingChars > 0) await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}

/** One CSV line: cells holding a delimiter, a quote or a line break are quoted. */
export function csvLine(cells: readonly (string | number | boolean | undefined | null)[]): string {
  return cells
    .map((cell) => {
      const text = cell === undefined || cell === null ? '' : String(cell);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
