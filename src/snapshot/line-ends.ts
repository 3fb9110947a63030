import type { InputManifestEntry } from './snapshot-types.js';

/** How a file's lines end, as the manifest says: one kind, `mixed`, or `none` (a single line). */
export type LineEnds = NonNullable<InputManifestEntry['lineEnds']>;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Tallies the line ends of a file read in chunks (text or bytes), every line break counted,
 * those inside quoted cells too: the manifest tells the bytes as they are.
 */
export class LineEndTally {
  private lf = 0;
  private crlf = 0;
  private cr = 0;
  /** The previous chunk ended with a CR: a LF starting this one makes a CRLF. */
  private pendingCr = false;

  /** Counts a chunk's line ends; chunks must come in file order. */
  add(chunk: string | Uint8Array): void {
    if (chunk.length === 0 || this.decided) return;
    const at = typeof chunk === 'string' ? (index: number) => chunk.charCodeAt(index) : (index: number) => chunk[index];
    const find = typeof chunk === 'string' ? (code: number, from: number) => chunk.indexOf(code === LF ? '\n' : '\r', from) : (code: number, from: number) => chunk.indexOf(code, from);
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (at(0) === LF) {
        this.crlf++;
        start = 1;
      } else this.cr++;
    }
    // Line feeds first (the common case needs no more), then carriage returns and their pairs.
    for (let index = find(LF, start); index !== -1; index = find(LF, index + 1)) {
      if (index > start && at(index - 1) === CR) this.crlf++;
      else this.lf++;
    }
    for (let index = find(CR, start); index !== -1; index = find(CR, index + 1)) {
      if (index === chunk.length - 1) this.pendingCr = true;
      else if (at(index + 1) !== LF) this.cr++;
    }
  }

  /** Once two kinds are seen the answer is `mixed`, whatever follows. */
  private get decided(): boolean {
    return Number(this.lf > 0) + Number(this.crlf > 0) + Number(this.cr > 0) > 1;
  }

  /** The line ends seen so far, a CR ending the last chunk counted as such. */
  get result(): LineEnds {
    const cr = this.cr + Number(this.pendingCr);
    const kinds = Number(this.lf > 0) + Number(this.crlf > 0) + Number(cr > 0);
    if (kinds > 1) return 'mixed';
    return this.lf > 0 ? 'lf' : this.crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'none';
  }
}

/** The line ends of a whole text or buffer. */
export function lineEndsOf(content: string | Uint8Array): LineEnds {
  const tally = new LineEndTally();
  tally.add(content);
  return tally.result;
}

/** The line ends of a file read in two parts cut at a line start (the two threads' parts). */
export function combineLineEnds(first: LineEnds | undefined, second: LineEnds | undefined): LineEnds | undefined {
  if (first === undefined || first === 'none') return second ?? first;
  if (second === undefined || second === 'none' || second === first) return first;
  return 'mixed';
}
