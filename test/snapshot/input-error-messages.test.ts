import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatInputError, INPUT_ERROR_CODES } from '../../src/snapshot/input-error-messages.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';

const at = { file: 'habilitations.csv', line: 3, column: 5 };

const messages = suite('formatInputError');

messages('French by default, English on request', () => {
  const error: InputError = { ...at, code: 'invalid-date', value: '31/02/2024', params: { column: 'granted_on' } };
  assert.is(formatInputError(error), 'date impossible dans la colonne « granted_on » : attendu AAAA-MM-JJ ou JJ/MM/AAAA');
  assert.is(formatInputError(error, 'en'), 'invalid date in column "granted_on": expected YYYY-MM-DD or DD/MM/YYYY');
});

messages('names the first occurrence of a duplicate key, the expected values of an enum', () => {
  assert.is(
    formatInputError({ ...at, code: 'duplicate-key', value: 'U001', params: { column: 'user_id', firstLine: 2 } }),
    'user_id en double : déjà présent à la ligne 2',
  );
  assert.is(
    formatInputError({ ...at, code: 'unknown-value', value: 'D7', params: { column: 'profile', expected: 'D1, D2, D3, D4' } }, 'en'),
    'unknown value in column "profile": expected D1, D2, D3, D4',
  );
});

messages('partner errors name a key path', () => {
  const error: InputError = { file: 'partner.yaml', line: 4, column: 14, code: 'invalid-date', params: { key: 'convention.signed_on' } };
  assert.is(formatInputError(error), 'date impossible dans la clé « convention.signed_on » : attendu AAAA-MM-JJ ou JJ/MM/AAAA');
});

messages('yaml, csv-parse and file system reasons are translated', () => {
  assert.is(formatInputError({ ...at, code: 'csv-syntax', params: { reason: 'CSV_QUOTE_NOT_CLOSED' } }), 'syntaxe CSV invalide : guillemet ouvert jamais fermé');
  assert.is(formatInputError({ ...at, code: 'unreadable', params: { reason: 'ENOENT' } }, 'en'), 'unreadable file: not found');
  assert.is(
    formatInputError({ ...at, code: 'schema', params: { key: 'partner.missions', keyword: 'type', expected: 'array' } }),
    'valeur non conforme dans la clé « partner.missions » : attendu une liste',
  );
});

messages('every code has a wording; an unknown code still says something', () => {
  for (const code of ['yaml-syntax', 'csv-syntax', 'field-count', 'missing-column', 'duplicate-column', 'invalid-date', 'invalid-timestamp',
    'nonexistent-local-time', 'invalid-boolean', 'invalid-number', 'unknown-value', 'required', 'duplicate-key', 'schema',
    'missing-partner', 'conflicting-files', 'unreadable', 'not-an-array']) {
    assert.ok(INPUT_ERROR_CODES.includes(code), code);
  }
  assert.is(formatInputError({ ...at, code: 'mystery', params: { a: 1 } }), 'mystery {"a":1}');
});

messages.run();
