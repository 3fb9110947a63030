import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatErrorsText } from '../../../src/format/check/format-errors-text.js';
import { BASE, RUN } from './invalid-run-fixture.js';

const text = suite('format: text of a run stopped by input errors');

text('one FILE:LINE:COLUMN: message (value) line per error, as stderr shows them', () => {
  assert.is(
    formatErrorsText(RUN, { lang: 'fr' }),
    [
      `${BASE}/snap/habilitations.csv:2:3: valeur inconnue dans la colonne « profile » (Grand Manitou)`,
      `${BASE}/snap/users.csv:3:8: date impossible dans la colonne « left_on » (31/02/2024)`,
      'waivers.yaml:5:0: dérogations non conformes',
      'vigie: --as-of AAAA-MM-JJ | JJ/MM/AAAA (2024-13-45)',
      '',
    ].join('\n'),
  );
});

text.run();
