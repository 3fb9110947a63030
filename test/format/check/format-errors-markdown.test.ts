import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatErrorsMarkdown } from '../../../src/format/check/format-errors-markdown.js';
import { BASE, ERRORS, RUN } from './invalid-run-fixture.js';

const markdown = suite('format: Markdown of a run stopped by input errors');
const options = { lang: 'fr' as const, baseDir: BASE };

markdown('counts, then a row per error: place, message, value', () => {
  const text = formatErrorsMarkdown(RUN, options);
  assert.match(text, '### vigie — données invalides');
  // Three files: the usage error names none.
  assert.match(text, '**4** erreur(s) dans 3 fichier(s) : la vérification n’a pas eu lieu (code de sortie 2).');
  const rows = text.split('\n').filter((line) => line.startsWith('| `'));
  assert.equal(rows, [
    '| `snap/habilitations.csv:2:3` | valeur inconnue dans la colonne « profile » | Grand Manitou |',
    '| `snap/users.csv:3:8` | date impossible dans la colonne « left\\_on » | 31/02/2024 |',
    '| `waivers.yaml:5:0` | dérogations non conformes |  |',
    '| `vigie` | --as-of AAAA-MM-JJ \\| JJ/MM/AAAA | 2024-13-45 |',
  ]);
});

markdown('English on request', () => {
  const text = formatErrorsMarkdown(RUN, { ...options, lang: 'en' });
  assert.match(text, '### vigie — invalid input');
  assert.match(text, '**4** error(s) in 3 file(s): the check did not run (exit code 2).');
  assert.match(text, '| Location | Error | Value |');
});

markdown('a value cannot break out of its cell or its row', () => {
  const hostile = { errors: [{ ...ERRORS[0], file: `${BASE}/a|b.csv`, value: 'x | y\n| forged | row |\n<img src=x>' }], rules: [] };
  const rows = formatErrorsMarkdown(hostile, options).split('\n').filter((line) => line.startsWith('| '));
  // Header, separator, one error: no forged row.
  assert.is(rows.length, 3, rows.join('\n'));
  assert.is(rows[2].split(/(?<!\\)\|/).length, 5, rows[2]);
  assert.not.match(rows[2], '<img');
});

markdown.run();
