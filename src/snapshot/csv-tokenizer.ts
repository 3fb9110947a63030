import { CONTROL } from './control-characters.js';
import { SHOWN_LENGTH, shownText } from './shown-text.js';
import type { LineEnds } from './line-ends.js';

export type { LineEnds } from './line-ends.js';

// Line-end kinds seen, as bits: a file ends its records with LF, CRLF or CR alike.
const LF_END = 1;
const CRLF_END = 2;
const CR_END = 4;

/** The kind of line ends a set of bits stands for. */
function lineEndsOf(kinds: number): LineEnds {
  if (kinds === 0) return 'none';
  if (kinds === LF_END) return 'lf';
  if (kinds === CRLF_END) return 'crlf';
  if (kinds === CR_END) return 'cr';
  return 'mixed';
}

/** A record as written (quoted cells quoted again), cut to what an error shows of it. */
export function recordText(cells: readonly string[], delimiter: string, quoted?: readonly boolean[]): string {
  return shownText(cells.map((cell, index) => (quoted?.[index] ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter));
}

/** Characters kept of a record's start, more than an error shows ({@link shownText} cuts them). */
const HEAD_LENGTH = 2 * SHOWN_LENGTH;

/** A chunked RFC 4180 tokenizer reading as csv-parse (relax_quotes); only quoted lines use a state machine. */
export class CsvTokenizer {
  /** Set by text after a closing quote (`"abc"x`, kept as written): held tables then go to csv-parse. */
  irregular = false;
  /** Whether the text of the current push holds a control character: only then are its records' cells checked. */
  controls = false;
  private rest = '';
  /** The line of `rest`'s first character. */
  private line: number;
  /** An unfinished quoted record, resumed where it stopped rather than from its start. */
  private partial: QuotedRecord | undefined;
  /** Chunks without a line end, joined once one comes: joining each made a huge line quadratic. */
  private pieces: string[] = [];
  /** The line-end kinds that ended records so far (bits). */
  private kinds = 0;
  /** A record ended by a CR that was the last character pushed: a LF first in the next push is its CRLF's. */
  private afterCr = false;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (cells: string[], line: number, quoted?: readonly boolean[]) => void,
    /** A quote opened and never closed: the rest of the file is one broken record, shown by its start. */
    private readonly onUnclosedQuote: (line: number, text: string) => void,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  get nextLine(): number {
    return this.line;
  }

  /** The line ends that ended records so far: LF, CRLF and CR are read alike, the manifest says which. */
  get lineEnds(): LineEnds {
    return lineEndsOf(this.kinds | (this.afterCr ? CR_END : 0));
  }

  /** Whether text was pushed that does not end a record yet (inside quotes, or no line end). */
  get pending(): boolean {
    return this.rest !== '' || this.partial !== undefined || this.pieces.length > 0;
  }

  /** Tokenizes a chunk of text; `final` marks the end of the file. */
  push(chunk: string, final = false): void {
    if (!final && chunk.indexOf('\n') === -1 && chunk.indexOf('\r') === -1) {
      if (chunk !== '') this.pieces.push(chunk);
      return;
    }
    const text = this.rest + (this.pieces.length > 0 ? this.pieces.join('') : '') + chunk;
    this.pieces = [];
    // A quoted record resumed keeps what its earlier text held.
    this.controls = CONTROL.test(text) || this.partial?.controls === true;
    const length = text.length;
    let position = 0;
    let line = this.line;
    let kinds = this.kinds;
    if (this.afterCr && length > 0) {
      this.afterCr = false;
      // The CR that ended the last push and this LF are one CRLF.
      if (text.charCodeAt(0) === 10) {
        kinds |= CRLF_END;
        position = 1;
      } else kinds |= CR_END;
    }
    if (this.partial) {
      const record = this.partial;
      // The shown start of a record cut by a chunk goes on with the text after what it already holds.
      const missing = HEAD_LENGTH - record.head.length;
      const added = missing > 0 ? text.slice(record.headOver, record.headOver + missing) : '';
      record.head += added;
      record.headEnd = missing > 0 ? record.headOver + added.length : 0;
      const end = this.readQuoted(record, text, 0, final);
      if (end === undefined) {
        if (final) {
          this.partial = undefined;
          this.rest = '';
          this.onUnclosedQuote(record.line, record.head);
        } else {
          this.rest = text.slice(record.stop);
          record.controls = this.controls;
          record.headOver = Math.max(0, record.headEnd - record.stop);
        }
        this.kinds = kinds;
        return;
      }
      this.partial = undefined;
      this.onRecord(record.cells, record.line, record.quotedCells);
      kinds |= record.end;
      line = record.line + record.lines;
      position = end;
    }
    // Positions of the next quote, LF and CR: searching once per buffer keeps the fast path linear.
    let nextQuote = searchFrom(text, '"', position);
    let nextLf = searchFrom(text, '\n', position);
    let nextCr = searchFrom(text, '\r', position);
    while (position < length) {
      if (nextLf < position) nextLf = searchFrom(text, '\n', position);
      if (nextCr < position) nextCr = searchFrom(text, '\r', position);
      let lineEnd = nextLf < nextCr ? nextLf : nextCr;
      if (lineEnd === length && !final) break;
      if (nextQuote < position) nextQuote = searchFrom(text, '"', position);
      if (nextQuote >= lineEnd) {
        if (lineEnd > position) this.onRecord(text.slice(position, lineEnd).split(this.delimiter), line);
        line++;
        if (lineEnd === length) position = length;
        else if (lineEnd === nextLf) {
          kinds |= LF_END;
          position = lineEnd + 1;
        } else if (lineEnd + 1 < length) {
          const crlf = text.charCodeAt(lineEnd + 1) === 10;
          kinds |= crlf ? CRLF_END : CR_END;
          position = lineEnd + (crlf ? 2 : 1);
        } else {
          // A CR last: the next push says whether a LF makes it a CRLF.
          if (final) kinds |= CR_END;
          else this.afterCr = true;
          position = length;
        }
        continue;
      }
      const record: QuotedRecord = { cells: [], quotedCells: [], cell: '', inQuotes: false, opened: false, lines: 1, line, stop: 0, end: 0, controls: false, head: text.slice(position, position + HEAD_LENGTH), headEnd: Math.min(length, position + HEAD_LENGTH), headOver: 0 };
      const end = this.readQuoted(record, text, position, final);
      if (end === undefined) {
        if (final) {
          this.onUnclosedQuote(line, record.head);
          position = length;
        } else {
          this.partial = record;
          record.controls = this.controls;
          record.headOver = Math.max(0, record.headEnd - record.stop);
          position = record.stop;
        }
        break;
      }
      this.onRecord(record.cells, line, record.quotedCells);
      kinds |= record.end;
      line += record.lines;
      position = end;
    }
    this.rest = position < length ? text.slice(position) : '';
    this.line = line;
    this.kinds = kinds;
  }

  /** Where a quoted record ends, or undefined when the text ends first (a last quote may open an escaped pair). */
  private readQuoted(record: QuotedRecord, text: string, position: number, final: boolean): number | undefined {
    const delimiter = this.delimiter;
    while (position < text.length) {
      if (record.inQuotes) {
        // Up to the next quote in one piece: a cell left open is a few pieces per chunk, not one per character.
        const quote = text.indexOf('"', position);
        const end = quote === -1 ? text.length : quote;
        if (end > position) {
          const piece = text.slice(position, end);
          record.lines += lineBreaks(piece, record.cell.endsWith('\r'));
          record.cell += piece;
          position = end;
          continue;
        }
        if (text[position + 1] === '"') {
          record.cell += '"';
          position += 2;
          continue;
        }
        if (position + 1 >= text.length && !final) {
          record.stop = position;
          return undefined;
        }
        record.inQuotes = false;
        const next = text[position + 1];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          // Text after the closing quote: the cell is text as written, quotes included, as csv-parse reads it.
          record.cell = `"${record.cell}"`;
          record.opened = false;
          this.irregular = true;
        }
        position++;
        continue;
      }
      const char = text[position];
      if (char === '"' && record.cell === '') record.inQuotes = record.opened = true;
      else if (char === delimiter) endCell(record, record.cell);
      else if (char === '\n') {
        endCell(record, record.cell);
        record.end = LF_END;
        return position + 1;
      } else if (char === '\r') {
        if (position + 1 >= text.length && !final) {
          // Whether a LF follows is the next push's: read the record again from here then.
          record.stop = position;
          return undefined;
        }
        endCell(record, record.cell);
        const crlf = text[position + 1] === '\n';
        record.end = crlf ? CRLF_END : CR_END;
        return position + (crlf ? 2 : 1);
      } else record.cell += char;
      position++;
    }
    if (record.inQuotes || !final) {
      record.stop = position;
      return undefined;
    }
    endCell(record, record.cell);
    return position;
  }
}

/** Where `char` next occurs from `position`, or the text's length. */
function searchFrom(text: string, char: string, position: number): number {
  const at = text.indexOf(char, position);
  return at === -1 ? text.length : at;
}

/** The line breaks in a quoted cell's piece: LF, CRLF and CR each one; a LF first after a CR is that CR's. */
function lineBreaks(piece: string, afterCr: boolean): number {
  let count = 0;
  for (let at = piece.indexOf('\n'); at !== -1; at = piece.indexOf('\n', at + 1)) if (at > 0 ? piece.charCodeAt(at - 1) !== 13 : !afterCr) count++;
  for (let at = piece.indexOf('\r'); at !== -1; at = piece.indexOf('\r', at + 1)) count++;
  return count;
}

function endCell(record: QuotedRecord, cell: string): void {
  record.cells.push(cell);
  record.quotedCells.push(record.opened);
  record.cell = '';
  record.opened = false;
}

/** A record with quotes being read: its cells so far, the cell in progress, and its first line. */
interface QuotedRecord {
  readonly cells: string[];
  /** Whether each cell of `cells` was quoted (and closed where a cell ends). */
  readonly quotedCells: boolean[];
  cell: string;
  inQuotes: boolean;
  opened: boolean;
  lines: number;
  readonly line: number;
  stop: number;
  /** The line-end kind that ended the record (bits), 0 for the file's end. */
  end: number;
  /** Whether the text it was read from so far held a control character. */
  controls: boolean;
  /** The record's first characters as written, shown when its quote is never closed. */
  head: string;
  /** Where `head` stops in the text being read, and how much of it lies past `stop` (read again in the next push). */
  headEnd: number;
  headOver: number;
}
