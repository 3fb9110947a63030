import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { terminalSafe, terminalText } from '../../src/util/terminal-text.js';
import { RAW_CONTROL } from './raw-control.js';

const text = suite('terminalText: data shown, never obeyed, by a terminal');

text('ESC, BEL and every C0 control become their control pictures', () => {
  assert.is(terminalText('Martin\u001b]0;pwned\u0007'), 'Martin␛]0;pwned␇');
  assert.is(terminalText('\u001b[2J'), '␛[2J');
  assert.is(terminalText('a\u0000b\u0008c\u000bd\u000ce\u001ff'), 'a␀b␈c␋d␌e␟f');
  assert.is(terminalText('a\tb'), 'a␉b');
  assert.is(terminalText('del\u007f'), 'del␡');
});

text('every form of line break inside a value is one ⏎', () => {
  assert.is(terminalText('a\nb'), 'a⏎b');
  assert.is(terminalText('a\r\nb'), 'a⏎b');
  assert.is(terminalText('a\rb'), 'a⏎b');
  assert.is(terminalText('a\u2028b\u2029c\u0085d'), 'a⏎b⏎c⏎d');
  assert.is(terminalText('Compte partagé\nsrc/x.csv:1:1: faux'), 'Compte partagé⏎src/x.csv:1:1: faux');
});

text('C1 and bidirectional controls are named by their code point', () => {
  assert.is(terminalText('\u009b31m'), '⟨U+009B⟩31m');
  assert.is(terminalText('Mairie \u202Eelbuod\u202C'), 'Mairie ⟨U+202E⟩elbuod⟨U+202C⟩');
  assert.is(terminalText('\u2066x\u2069\u200e\u200f\u061c'), '⟨U+2066⟩x⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩');
});

text('clean text, accents and emoji included, is returned unchanged', () => {
  const clean = 'Crèche « Les Lutins » — équipe n° 2 👩‍👧 ½ € œ';
  assert.is(terminalText(clean), clean);
  assert.not.match(terminalText('\u0000\u0001\u001b\u007f\u0080\u009f\u202a\u2069\r\n'), RAW_CONTROL);
});

const safe = suite('terminalSafe: every string of a value');

safe('strings nested in objects and arrays are sanitised, numbers and keys kept', () => {
  const value = { partner: 'A\u001b[2J', rows: 3, findings: [{ message: 'x\ny', evidence: [{ line: 4, value: '\u0007' }] }], none: null };
  assert.equal(terminalSafe(value), { partner: 'A␛[2J', rows: 3, findings: [{ message: 'x⏎y', evidence: [{ line: 4, value: '␇' }] }], none: null });
  assert.is(value.partner, 'A\u001b[2J', 'the input is not changed');
});

safe('clean parts are the same objects, not copies', () => {
  const clean = { a: { b: ['c'] } };
  assert.is(terminalSafe(clean), clean);
  const mixed = { clean: clean.a, dirty: '\u001b' };
  assert.is(terminalSafe(mixed).clean, clean.a);
});

safe('objects other than plain ones pass through', () => {
  const date = new Date(0);
  const map = new Map([['k', '\u001b']]);
  assert.is(terminalSafe(date), date);
  assert.is(terminalSafe(map), map);
});

text.run();
safe.run();
