/** A chunked RFC 4180 tokenizer reading as csv-parse (relax_quotes); only quoted lines use a state machine. */
export class CsvTokenizer {
  /** Set by text after a closing quote (`"abc"x`, kept as written): held tables then go to csv-parse. */
  irregular = false;
  private rest = '';
  /** The line of `rest`'s first character. */
  private line: number;
  /** An unfinished quoted record, resumed where it stopped rather than from its start. */
  private partial: QuotedRecord | undefined;
  /** Chunks without a line feed, joined once one comes: joining each made a huge line quadratic. */
  private pieces: string[] = [];

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (cells: string[], line: number, quoted?: readonly boolean[]) => void,
    /** A quote opened and never closed: the rest of the file is one broken record. */
    private readonly onUnclosedQuote: (line: number) => void,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  get nextLine(): number {
    return this.line;
  }

  /** Whether text was pushed that does not end a record yet (inside quotes, or no line end). */
  get pending(): boolean {
    return this.rest !== '' || this.partial !== undefined || this.pieces.length > 0;
  }

  /** Tokenizes a chunk of text; `final` marks the end of the file. */
  push(chunk: string, final = false): void {
    if (!final && chunk.indexOf('\n') === -1) {
      if (chunk !== '') this.pieces.push(chunk);
      return;
    }
    const text = this.rest + (this.pieces.length > 0 ? this.pieces.join('') : '') + chunk;
    this.pieces = [];
    const length = text.length;
    let position = 0;
    let line = this.line;
    if (this.partial) {
      const record = this.partial;
      const end = this.readQuoted(record, text, 0, final);
      if (end === undefined) {
        if (final) {
          this.partial = undefined;
          this.rest = '';
          this.onUnclosedQuote(record.line);
        } else this.rest = text.slice(record.stop);
        return;
      }
      this.partial = undefined;
      this.onRecord(record.cells, record.line, record.quotedCells);
      line = record.line + record.lines;
      position = end;
    }
    // Position of the next quote character: searching once per buffer keeps the fast path linear.
    let nextQuote = text.indexOf('"', position);
    if (nextQuote === -1) nextQuote = length;
    while (position < length) {
      let lineEnd = text.indexOf('\n', position);
      if (lineEnd === -1) {
        if (!final) break;
        lineEnd = length;
      }
      if (nextQuote < position) {
        nextQuote = text.indexOf('"', position);
        if (nextQuote === -1) nextQuote = length;
      }
      if (nextQuote >= lineEnd) {
        const end = lineEnd > position && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        if (end > position) this.onRecord(text.slice(position, end).split(this.delimiter), line);
        line++;
        position = lineEnd + 1;
        continue;
      }
      const record: QuotedRecord = { cells: [], quotedCells: [], cell: '', inQuotes: false, opened: false, lines: 1, line, stop: 0 };
      const end = this.readQuoted(record, text, position, final);
      if (end === undefined) {
        if (final) {
          this.onUnclosedQuote(line);
          position = length;
        } else {
          this.partial = record;
          position = record.stop;
        }
        break;
      }
      this.onRecord(record.cells, line, record.quotedCells);
      line += record.lines;
      position = end;
    }
    this.rest = position < length ? text.slice(position) : '';
    this.line = line;
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
          for (let feed = piece.indexOf('\n'); feed !== -1; feed = piece.indexOf('\n', feed + 1)) record.lines++;
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
        endCell(record, record.cell.endsWith('\r') ? record.cell.slice(0, -1) : record.cell);
        return position + 1;
      } else record.cell += char;
      position++;
    }
    if (record.inQuotes || !final) {
      record.stop = position;
      return undefined;
    }
    endCell(record, record.cell.endsWith('\r') ? record.cell.slice(0, -1) : record.cell);
    return position;
  }
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
}
