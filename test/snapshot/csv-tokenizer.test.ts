import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'csv-parse/sync';
import { CsvTokenizer } from '../../src/snapshot/csv-tokenizer.js';

interface Tokens {
  records: [string[], number][];
  unclosed: [number, string][];
  pending: boolean[];
  lineEnds?: string;
}

/** The records (cells and first line) and unclosed quotes of a text pushed in the given pieces. */
function tokenize(pieces: readonly string[], delimiter = ','): Tokens {
  const tokens: Tokens = { records: [], unclosed: [], pending: [] };
  const tokenizer = new CsvTokenizer(
    delimiter,
    (cells, line) => tokens.records.push([cells, line]),
    (line, text) => tokens.unclosed.push([line, text]),
  );
  for (const piece of pieces) tokenizer.push(piece);
  tokenizer.push('', true);
  tokens.lineEnds = tokenizer.lineEnds;
  return tokens;
}

/** A text cut into pieces of `size` characters. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

const TRICKY = [
  'at,user_id,action\n2024-01-01T10:00:00Z,U1,consultation\n',
  'a,b\n"x, y",z\n"he said ""hi""",w\n',
  'a,b\n"two\nlines",1\n"three\r\nlines\nhere",2\nplain,3\n',
  'a,b\r\n1,2\r\n"q""",3\r\n\r\n4,5',
  'a,b\n"",""\n"""",x\n',
  'a,b\n1,"open\n2,3\n4,5\n',
  'a,b\n"abc"x,1\n2,2\n',
  `a,b\n${'x'.repeat(300)}\n1,2`,
  // Old Mac line ends, inside quoted cells too, and files that mix the three.
  'a,b\r1,2\r"x\ry",3\r\r4,5\r',
  'a,b\r"x\r\ny\r\n",1\r\n2,"\n"\r',
  'a,b\n1,2\r3,4\r\n5,6\n\r7,8',
  'a,b\r1,"open\r2,3\r',
];

const tokenizer = suite('CsvTokenizer');

tokenizer('the same records, lines and errors however the text is cut into chunks', () => {
  for (const text of TRICKY) {
    const whole = tokenize([text]);
    for (const size of [1, 2, 3, 5, 7, 64]) assert.equal(tokenize(cut(text, size)), whole, `${JSON.stringify(text)} in pieces of ${size}`);
  }
});

tokenizer('records with quotes: cells, line numbers, an unclosed quote reported at its line', () => {
  assert.equal(tokenize(['a,b\n"two\nlines",1\nplain,3\n']).records, [
    [['a', 'b'], 1],
    [['two\nlines', '1'], 2],
    [['plain', '3'], 4],
  ]);
  const unclosed = tokenize(['a,b\n1,"open\n2,3\n4,5\n']);
  assert.equal(unclosed.records, [[['a', 'b'], 1]]);
  // The record is shown from its start, as written.
  assert.equal(unclosed.unclosed, [[2, '1,"open\n2,3\n4,5\n']]);
});

tokenizer('a quote left open early in a long file: read on chunk after chunk, reported once at its line', () => {
  const rows = Array.from({ length: 60_000 }, (_, index) => `2024-02-01T08:00:00Z,U${index},consultation,EQ1,10.0.0.1,s${index}`);
  rows[9] = rows[9].replace(',consultation,', ',"consultation,');
  const text = `at,user_id,action,facility_id,origin,session_id\n${rows.join('\n')}\n`;
  const tokens = tokenize(cut(text, 1 << 16));
  assert.is(tokens.records.length, 10);
  assert.equal(tokens.unclosed.map(([line]) => line), [11]);
});

tokenizer('a line of megabytes (not a CSV file): read once, one record at its line', () => {
  const text = `a,b\n1,2\n${'x'.repeat(4 << 20)}\n3,4\n`;
  const tokens = tokenize(cut(text, 1 << 16));
  assert.equal(
    tokens.records.map(([cells, line]) => [cells.length, line]),
    [
      [2, 1],
      [2, 2],
      [1, 3],
      [2, 4],
    ],
  );
});

tokenizer('LF, CRLF and CR end records alike, each one line; inside quoted cells too', () => {
  const lf = tokenize(['a,b\n1,"x\ny"\n2,3\n']);
  for (const text of ['a,b\r\n1,"x\r\ny"\r\n2,3\r\n', 'a,b\r1,"x\ry"\r2,3\r']) {
    const other = tokenize([text]);
    assert.equal(other.records.map(([cells, line]) => [cells.map((cell) => cell.replace(/\r\n?/g, '\n')), line]), lf.records, JSON.stringify(text));
  }
  assert.equal(tokenize(['a,b\r1,2\r\r3,4']).records, [
    [['a', 'b'], 1],
    [['1', '2'], 2],
    [['3', '4'], 4],
  ]);
});

tokenizer('the line ends seen: lf, crlf, cr, mixed or none; a CR last in a chunk waits for the next one', () => {
  const kind = (pieces: string[]) => tokenize(pieces).lineEnds;
  assert.is(kind(['a,b\n1,2\n']), 'lf');
  assert.is(kind(['a,b\r', '\n1,2\r', '\n']), 'crlf');
  assert.is(kind(['a,b\r', '1,2\r']), 'cr');
  assert.is(kind(['a,b\r\n1,2\n']), 'mixed');
  assert.is(kind(['a,b']), 'none');
  // Line breaks inside quoted cells are data: Excel writes LF there and CRLF between records.
  assert.is(kind(['a,b\r\n"x\ny",1\r\n']), 'crlf');
});

tokenizer('a part of a file that ends with a CR (the two threads cut CR files there) is not pending', () => {
  const seen: number[] = [];
  const reader = new CsvTokenizer(',', (_, line) => seen.push(line), () => undefined);
  reader.push('a,b\r1,2\r');
  assert.not.ok(reader.pending);
  assert.is(reader.nextLine, 3);
  assert.equal(seen, [1, 2]);
});

tokenizer('controls tells whether the text pushed holds a control character, a quoted record resumed included', () => {
  const reader = new CsvTokenizer(',', () => undefined, () => undefined);
  reader.push('a,b\n1,2\n');
  assert.not.ok(reader.controls);
  reader.push('3,"x\u0000');
  reader.push('y"\n');
  assert.ok(reader.controls);
  reader.push('4,\t5\n');
  assert.not.ok(reader.controls);
});

tokenizer('pending and nextLine tell where a part of a file ends', () => {
  const seen: number[] = [];
  const reader = new CsvTokenizer(',', (_, line) => seen.push(line), () => undefined, 5);
  reader.push('a,b\n"c\n');
  assert.ok(reader.pending);
  assert.is(reader.nextLine, 6);
  reader.push('d",e\n');
  assert.not.ok(reader.pending);
  assert.is(reader.nextLine, 8);
  assert.equal(seen, [5, 6]);
});

tokenizer('the cells csv-parse reads (relax_quotes, as for the other tables), text after a closing quote included, on random texts', () => {
  let seed = 5;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = ['a', 'b', '"', ',', '\n', ' ', '\r'];
  let compared = 0;
  for (let trial = 0; trial < 30_000; trial++) {
    let text = '';
    for (let length = 1 + Math.floor(random() * 14); length > 0; length--) text += alphabet[Math.floor(random() * alphabet.length)];
    let expected: string[][];
    try {
      expected = parse(text, { delimiter: ',', record_delimiter: ['\r\n', '\n', '\r'], relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
    } catch {
      continue;
    }
    const tokens = tokenize([text]);
    // A quote left open is an error both ways (reported at its line here).
    if (tokens.unclosed.length > 0) continue;
    compared++;
    assert.equal(
      tokens.records.map(([cells]) => cells),
      expected,
      JSON.stringify(text),
    );
  }
  assert.ok(compared > 20_000, String(compared));
  assert.equal(tokenize(['a,b\n"Consul"tation,"a""b"c\n']).records[1][0], ['"Consul"tation', '"a"b"c']);
});

tokenizer.run();
