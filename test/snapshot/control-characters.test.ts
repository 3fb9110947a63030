import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { controlCell, controlError } from '../../src/snapshot/control-characters.js';

const controls = suite('control characters in cells');

controls('C0 (but tab, LF, CR), DEL and C1 are controls; tabs, line breaks and text are not', () => {
  for (const text of ['\u0000', 'a\u0001', '\u001b[31m', '\u007f', '\u0085', '\u009f']) assert.is(controlCell(['ok', text]), 1, JSON.stringify(text));
  for (const text of ['a\tb', 'x\ny', 'x\r\ny', 'é€ « » \u00a0', '\u2028']) assert.is(controlCell([text]), -1, JSON.stringify(text));
});

controls('the error names the header as written, the character and the cell', () => {
  assert.equal(controlError(['U1', 'DU\u0000RAND'], 4, 'users.csv', [{ header: 'Identifiant' }, { header: 'Nom' }]), {
    file: 'users.csv', line: 4, column: 2, code: 'control-character', value: 'DU\u0000RAND', params: { column: 'Nom', character: 'U+0000' },
  });
  assert.is(controlError(['U1', 'DURAND'], 4, 'users.csv', [{ header: 'Identifiant' }, { header: 'Nom' }]), undefined);
});

controls.run();
