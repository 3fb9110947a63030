const LF = 0x0a;
const CR = 0x0d;

/** Byte offsets to line numbers in one pass, LF, CRLF and CR each ending one line: csv-parse's `info.lines` counts a quoted CRLF twice. */
export class LineCursor {
  private line = 1;
  /** The last byte of the next line end (the LF of a CRLF), or -1. */
  private nextLineEnd: number;
  /** The next LF at or after the last search, or the length: searched again only once passed (CR files have none). */
  private nextLf = -1;

  constructor(private readonly bytes: Buffer) {
    this.nextLineEnd = this.lineEndFrom(0);
  }

  /** The first byte at or after `offset` that does not end a line: where the next record starts. */
  skipLineEnds(offset: number): number {
    let position = offset;
    while (position < this.bytes.length && (this.bytes[position] === LF || this.bytes[position] === CR)) position++;
    return position;
  }

  /** The line holding byte `offset`; offsets must not decrease from one call to the next. */
  lineAt(offset: number): number {
    while (this.nextLineEnd !== -1 && this.nextLineEnd < offset) {
      this.line++;
      this.nextLineEnd = this.lineEndFrom(this.nextLineEnd + 1);
    }
    return this.line;
  }

  /** The last byte of the first line end at or after `from`: a LF, a CR alone, or a CRLF's LF. */
  private lineEndFrom(from: number): number {
    const length = this.bytes.length;
    if (this.nextLf < from) {
      const lf = this.bytes.indexOf(LF, from);
      this.nextLf = lf === -1 ? length : lf;
    }
    // A CR searched only up to the LF: files without CR pay one short search per line at most.
    const cr = this.bytes.subarray(from, this.nextLf).indexOf(CR);
    if (cr === -1) return this.nextLf === length ? -1 : this.nextLf;
    const at = from + cr;
    return this.bytes[at + 1] === LF ? at + 1 : at;
  }
}
