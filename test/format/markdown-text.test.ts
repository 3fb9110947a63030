import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { code, escapeMarkdown } from '../../src/format/markdown-text.js';
import { rawControls } from '../util/raw-control.js';

const markdown = suite('Markdown text: markup escaped, controls shown');

markdown('markup is escaped as before, line breaks become <br>', () => {
  assert.is(escapeMarkdown('a|b `c` *d* <e>'), 'a\\|b \\`c\\` \\*d\\* &lt;e&gt;');
  assert.is(escapeMarkdown('a\nb\r\nc\rd\u2028e'), 'a<br>b<br>c<br>d<br>e');
});

markdown('ESC, BEL, C1 and bidi controls are shown, then escaped like any text', () => {
  const shown = escapeMarkdown('MARTIN\u001b]0;pwned\u0007\u001b[2J \u009b \u202Ex\u202C');
  assert.equal(rawControls(shown), []);
  assert.is(shown, 'MARTIN␛\\]0;pwned␇␛\\[2J ⟨U+009B⟩ ⟨U+202E⟩x⟨U+202C⟩');
});

markdown('a code span keeps one line and no control', () => {
  assert.is(code('users.csv:5'), '`users.csv:5`');
  assert.is(code('a\nb\u001b'), '`a⏎b␛`');
  assert.is(code('a`b\n'), 'a\\`b⏎');
});

markdown.run();
