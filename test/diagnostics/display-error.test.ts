import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { errorLine, usageError } from '../../src/diagnostics/display-error.js';
import { rawControls } from '../util/raw-control.js';

const line = suite('errorLine: one error, one line');

line('the form of DATA.md, unchanged for clean data', () => {
  assert.is(errorLine({ file: 'users.csv', line: 5, column: 8, code: 'date', message: 'date impossible', value: '31/13/2024' }), 'users.csv:5:8: date impossible (31/13/2024)');
  assert.is(errorLine(usageError('option inconnue', '--foo')), 'vigie: option inconnue (--foo)');
});

line('a value cannot forge a second error line nor drive the terminal', () => {
  const shown = errorLine({ file: 'users.csv', line: 5, column: 8, code: 'date', message: 'date impossible', value: '31/13\u001b[2J\nsrc/x.csv:1:1: faux' });
  assert.is(shown, 'users.csv:5:8: date impossible (31/13␛[2J⏎src/x.csv:1:1: faux)');
});

line('file names and messages are data too (a file name, a quoted cell)', () => {
  const shown = errorLine({ file: 'data\u001b]0;t\u0007/users.csv', line: 1, column: 1, code: 'x', message: 'colonne « Nom\r\nfaux » inconnue \u202E' });
  assert.equal(rawControls(shown), []);
  assert.is(shown, 'data␛]0;t␇/users.csv:1:1: colonne « Nom⏎faux » inconnue ⟨U+202E⟩');
});

line.run();
