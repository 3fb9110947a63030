import type { InputManifestEntry } from './snapshot-types.js';

/** How a file's lines end, as the manifest says: one kind, `mixed`, or `none` (a single line). */
export type LineEnds = NonNullable<InputManifestEntry['lineEnds']>;

const LF = 0x0a;
const CR = 0x0d;
/** A CR not followed by a LF, or a LF not preceded by a CR. */
const LONE = /\r(?!\n)|(?<!\r)\n/g;

/**
 * Tallies the kinds of line ends of a file read in chunks (text or bytes), every line break
 * looked at, those inside quoted cells too: the manifest tells the bytes as they are.
 */
export class LineEndTally {
  private lf = false;
  private crlf = false;
  private cr = false;
  /** The previous chunk ended with a CR: a LF starting this one makes a CRLF. */
  private pendingCr = false;

  /** Notes a chunk's kinds of line ends; chunks must come in file order. Only kinds are kept, not counts. */
  add(chunk: string | Uint8Array): void {
    if (chunk.length === 0 || this.kinds > 1) return;
    // Bytes as latin1 text: one character per byte, CR and LF where they were.
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    let from = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === LF) {
        this.crlf = true;
        from = 1;
      } else this.cr = true;
    }
    const firstCr = text.indexOf('\r', from);
    // Most files: no CR at all, one native search for a LF settles the chunk.
    if (firstCr === -1) {
      if (text.indexOf('\n', from) !== -1) this.lf = true;
      return;
    }
    const last = text.length - 1;
    // A CR ending the chunk may pair with a LF starting the next one.
    if (text.charCodeAt(last) === CR) this.pendingCr = true;
    if (text.indexOf('\n', from) === -1) {
      // CRs and no LF: old Mac line ends (unless the only CR is the pending one).
      if (firstCr < last) this.cr = true;
      return;
    }
    // CRs and LFs: CRLF unless one of them stands alone (one native search, not one step per line).
    LONE.lastIndex = from;
    const lone = LONE.exec(text);
    if (lone === null || (lone.index === last && this.pendingCr)) this.crlf = true;
    else {
      // A lone CR or LF beside other line ends: whatever the rest, the file's are mixed.
      this.lf = true;
      this.cr = true;
    }
  }

  private get kinds(): number {
    return Number(this.lf) + Number(this.crlf) + Number(this.cr);
  }

  /** The line ends seen so far, a CR ending the last chunk counted as such. */
  get result(): LineEnds {
    const cr = this.cr || this.pendingCr;
    if (Number(this.lf) + Number(this.crlf) + Number(cr) > 1) return 'mixed';
    return this.lf ? 'lf' : this.crlf ? 'crlf' : cr ? 'cr' : 'none';
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
