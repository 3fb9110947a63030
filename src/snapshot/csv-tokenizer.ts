/**
 * An RFC 4180 tokenizer fed chunk by chunk, for tables too large to hold (traces). Lines
 * without a quote take a fast path (`split`), the common case of machine-written logs; a
 * quoted field (delimiters, quotes or line breaks inside) goes through a small state machine.
 * csv-parse does the same work for every other table; this one exists because the traces
 * must be read at the speed of a plain split loop (issue « at a million rows »).
 */
export class CsvTokenizer {
  /**
   * Set when a closing quote is followed by something other than a delimiter or a line end
   * (`"abc"x`): csv-parse keeps such a cell as written, quotes included, where this tokenizer
   * glues its parts (`abcx`); held tables are then read by csv-parse (src/snapshot/read-csv.ts).
   */
  irregular = false;
  private rest = '';
  /** Line number of the first character of `rest`. */
  private line: number;

  constructor(
    private readonly delimiter: string,
    /** Receives each record's cells and the line it starts on. Blank lines are skipped. */
    private readonly onRecord: (cells: string[], line: number) => void,
    /** A quote opened and never closed: the rest of the file is one broken record. */
    private readonly onUnclosedQuote: (line: number) => void,
    /** The line number of the first text pushed (a part of a file read from the middle). */
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Whether text was pushed that does not end a record yet (inside quotes, or no line end). */
  get pending(): boolean {
    return this.rest !== '';
  }

  /** Tokenizes a chunk of text; `final` marks the end of the file. */
  push(chunk: string, final = false): void {
    const text = this.rest + chunk;
    const length = text.length;
    let position = 0;
    let line = this.line;
    // Position of the next quote character: searching once per buffer keeps the fast path linear.
    let nextQuote = text.indexOf('"');
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
      const record = this.quotedRecord(text, position, final);
      if (record === undefined) {
        if (!final) break;
        this.onUnclosedQuote(line);
        position = length;
        break;
      }
      this.onRecord(record.cells, line);
      line += record.lines;
      position = record.end;
    }
    this.rest = position < length ? text.slice(position) : '';
    this.line = line;
  }

  /** Reads one record that holds quotes; undefined when the text ends inside a quoted field. */
  private quotedRecord(text: string, start: number, final: boolean): { cells: string[]; end: number; lines: number } | undefined {
    const cells: string[] = [];
    const delimiter = this.delimiter;
    let position = start;
    let lines = 1;
    let cell = '';
    let quoted = false;
    while (position < text.length) {
      const char = text[position];
      if (quoted) {
        if (char === '"') {
          if (text[position + 1] === '"') {
            cell += '"';
            position += 2;
            continue;
          }
          // A closing quote at the very end of a chunk may be the first of an escaped pair.
          if (position + 1 >= text.length && !final) return undefined;
          quoted = false;
          const next = text[position + 1];
          if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') this.irregular = true;
        } else {
          if (char === '\n') lines++;
          cell += char;
        }
        position++;
        continue;
      }
      if (char === '"' && cell === '') quoted = true;
      else if (char === delimiter) {
        cells.push(cell);
        cell = '';
      } else if (char === '\n') {
        cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
        return { cells, end: position + 1, lines };
      } else cell += char;
      position++;
    }
    if (quoted || !final) return undefined;
    cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
    return { cells, end: position, lines };
  }
}
