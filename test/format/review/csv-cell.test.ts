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

cell('RFC 4180 quoting: delimiter, quote or line break', () => {
  assert.is(csvCell('a;b', ';'), '"a;b"');
  assert.is(csvCell('a;b', ','), 'a;b');
  assert.is(csvCell('a,b', ','), '"a,b"');
  assert.is(csvCell('a,b', ';'), 'a,b');
  assert.is(csvCell('dit "Jo"', ';'), '"dit ""Jo"""');
  assert.is(csvCell('deux\nlignes', ';'), '"deux\nlignes"');
  assert.is(csvRecord(['a', 'b;c', ''], ';'), 'a;"b;c";\r\n');
});

cell.run();
