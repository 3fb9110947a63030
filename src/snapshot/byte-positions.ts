import type { SourcePosition } from './snapshot-types.js';

/**
 * Line and column of byte offsets of a UTF-8 stream read chunk by chunk, asked in increasing
 * order: each byte is looked at once, however long the lines (a minified file is one line),
 * and only the chunks from the last offset asked on are kept. LF, CRLF and CR end a line; the
 * column counts characters, not bytes.
 */
export class BytePositions {
  private readonly chunks: Buffer[] = [];
  /** Stream offset of the first byte of `chunks[0]`. */
  private base = 0;
  /** Stream offset up to which lines and columns are counted. */
  private cursor = 0;
  private line = 1;
  private column = 1;
  private afterCr = false;

  /** The next chunk of the stream, before any offset in it is asked. */
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  /** Where the byte at `offset` (at or after the last one asked) is. */
  at(offset: number): SourcePosition {
    while (this.cursor < offset && this.chunks.length > 0) {
      const chunk = this.chunks[0];
      const end = Math.min(offset - this.base, chunk.length);
      for (let index = this.cursor - this.base; index < end; index++) {
        const byte = chunk[index];
        if (byte === 10) {
          if (!this.afterCr) this.line++;
          this.column = 1;
          this.afterCr = false;
        } else if (byte === 13) {
          this.line++;
          this.column = 1;
          this.afterCr = true;
        } else {
          this.afterCr = false;
          // Continuation bytes (10xxxxxx) belong to the character before them.
          if ((byte & 0xc0) !== 0x80) this.column++;
        }
      }
      this.cursor = this.base + end;
      if (end === chunk.length) {
        this.chunks.shift();
        this.base += chunk.length;
      }
    }
    return { line: this.line, column: this.column };
  }
}
