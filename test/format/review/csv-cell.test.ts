import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { csvCell, csvRecord } from '../../../src/format/review/csv-cell.js';

const cell = suite('review: CSV cells');

cell('a value that would start a formula is neutralised with a leading quote', () => {
  assert.is(csvCell('=1+1', ';'), "'=1+1");
  assert.is(csvCell('+33 3 27 00 00 00', ';'), "'+33 3 27 00 00 00");
  assert.is(csvCell('-2+3', ';'), "'-2+3");
  assert.is(csvCell('@SUM(A1)', ';'), "'@SUM(A1)");
  assert.is(csvCell('\t=cmd', ';'), "'\t=cmd");
  assert.is(csvCell('\r=cmd', ';'), '"\'\r=cmd"');
  assert.is(csvCell('=HYPERLINK("http://x","y")', ','), '"\'=HYPERLINK(""http://x"",""y"")"');
  // Only the first character matters; inner signs and ordinary text are left alone.
  assert.is(csvCell('D1', ';'), 'D1');
  assert.is(csvCell('Jean-Pierre', ';'), 'Jean-Pierre');
  assert.is(csvCell('2024-06-30', ';'), '2024-06-30');
  assert.is(csvCell('', ';'), '');
});

cell('look-alikes of the signs are neutralised too: full-width, small, super/subscript, MINUS SIGN', () => {
  const forms = {
    'FULLWIDTH EQUALS SIGN': '\uFF1D', 'FULLWIDTH PLUS SIGN': '\uFF0B', 'FULLWIDTH HYPHEN-MINUS': '\uFF0D',
    'FULLWIDTH COMMERCIAL AT': '\uFF20', 'MINUS SIGN': '\u2212', 'SMALL PLUS SIGN': '\uFE62',
    'SMALL HYPHEN-MINUS': '\uFE63', 'SMALL EQUALS SIGN': '\uFE66', 'SMALL COMMERCIAL AT': '\uFE6B',
    'SUPERSCRIPT PLUS SIGN': '\u207A', 'SUPERSCRIPT EQUALS SIGN': '\u207C', 'SUBSCRIPT MINUS': '\u208B',
  };
  for (const [name, sign] of Object.entries(forms)) assert.is(csvCell(`${sign}1+1`, ';'), `'${sign}1+1`, name);
});

cell('blanks and invisible characters before a sign do not hide it', () => {
  for (const lead of [' ', '   ', '\u00A0', '\u3000', '\u200B', '\uFEFF', ' \u200B ']) {
    assert.is(csvCell(`${lead}=1+1`, ','), `'${lead}=1+1`, JSON.stringify(lead));
  }
  // A control before the sign: neutralised, and the control shown.
  assert.is(csvCell('\u0001=1+1', ','), "'␁=1+1");
  assert.is(csvCell(' \uFF1Dcmd', ','), "' \uFF1Dcmd");
  assert.is(csvCell('\n=1+1', ','), '"\'\n=1+1"');
  assert.is(csvCell('\u2028=1+1', ','), '"\'\u2028=1+1"');
  // Blanks before ordinary text stay as they are.
  assert.is(csvCell('  Martin', ','), '  Martin');
  assert.is(csvCell('\u00A0Martin', ','), '\u00A0Martin');
  assert.is(csvCell('   ', ','), '   ');
  // A dash that no spreadsheet reads as minus is text.
  assert.is(csvCell('\u2013 note', ','), '\u2013 note');
});

cell('RFC 4180 quoting: delimiter, quote or line break', () => {
  assert.is(csvCell('a;b', ';'), '"a;b"');
  assert.is(csvCell('a;b', ','), 'a;b');
  assert.is(csvCell('a,b', ','), '"a,b"');
  assert.is(csvCell('a,b', ';'), 'a,b');
  assert.is(csvCell('dit "Jo"', ';'), '"dit ""Jo"""');
  assert.is(csvCell('deux\nlignes', ';'), '"deux\nlignes"');
  assert.is(csvRecord(['a', 'b;c', ''], ';'), 'a;"b;c";\r\n');
});

cell('controls in a cell are shown, not sent: a CSV printed to a terminal cannot drive it; line breaks stay, quoted', () => {
  assert.is(csvCell('MARTIN\u001b]0;pwned\u0007', ','), 'MARTIN␛]0;pwned␇');
  assert.is(csvCell('a\u202Eb', ';'), 'a⟨U+202E⟩b');
  assert.is(csvCell('ligne 1\r\nligne 2', ';'), '"ligne 1\r\nligne 2"');
  assert.is(csvCell('\u001b=1+1', ';'), "'␛=1+1");
  assert.is(csvCell('a\tb', ';'), 'a\tb');
  // Unicode line breaks are line breaks: the cell is quoted.
  for (const lineBreak of ['\u0085', '\u2028', '\u2029']) assert.is(csvCell(`a${lineBreak}b`, ';'), `"a${lineBreak}b"`);
});

cell.run();
