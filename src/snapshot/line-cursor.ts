const LF = 0x0a;
const CR = 0x0d;

/** Byte offsets to line numbers in one pass: csv-parse's `info.lines` counts a quoted CRLF twice. */
export class LineCursor {
  private line = 1;
  private nextLineEnd: number;
  private readonly newline: number;

  constructor(private readonly bytes: Buffer) {
    // Files from old Macs end lines with CR alone.
    this.newline = bytes.includes(LF) ? LF : CR;
    this.nextLineEnd = bytes.indexOf(this.newline);
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
      this.nextLineEnd = this.bytes.indexOf(this.newline, this.nextLineEnd + 1);
    }
    return this.line;
  }
}
