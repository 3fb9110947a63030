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
    formatInputError({ ...at, code: 'duplicate-key', value: 'U001', params: { column: 'user_id', header: 'Identifiant', firstLine: 2 } }),
    'valeur en double dans la colonne « Identifiant » (user_id) : déjà présente à la ligne 2',
  );
  assert.is(
    formatInputError({ ...at, code: 'unknown-value', value: 'D7', params: { column: 'profile', expected: 'D1, D2, D3, D4' } }, 'en'),
    'unknown value in column "profile": expected D1, D2, D3, D4',
  );
});

messages('a cell is named by its header as written, the canonical name after it when it differs', () => {
  const params = { column: 'profile', header: 'Profil', expected: 'D1, D2', labels: 'Consultant, Approbateur' };
  assert.is(
    formatInputError({ ...at, code: 'unknown-value', value: 'D7', params }),
    'valeur inconnue dans la colonne « Profil » (profile) : attendu D1, D2 ou leurs libellés : Consultant, Approbateur',
  );
  assert.is(formatInputError({ ...at, code: 'unknown-value', value: 'D7', params }, 'en'), 'unknown value in column "Profil" (profile): expected D1, D2 or their labels: Consultant, Approbateur');
  assert.is(formatInputError({ ...at, code: 'required', params: { column: 'user_id', header: 'user_id' } }), 'valeur obligatoire absente dans la colonne « user_id »');
  assert.is(
    formatInputError({ ...at, code: 'missing-column', params: { column: 'user_id', header: 'Identifiant', table: 'users' } }),
    'colonne obligatoire « Identifiant » (user_id) absente de la table users',
  );
});

messages('unknown headers and keys are said with the closest known name, or as ignored', () => {
  const near = { header: 'Date depart', suggestion: 'Date de départ', near: 'left_on' };
  assert.is(formatInputError({ ...at, code: 'unknown-column', value: 'Date depart', params: near }), 'colonne « Date depart » inconnue : vouliez-vous dire « Date de départ » ?');
  assert.is(formatInputError({ ...at, code: 'unknown-column', value: 'Date depart', params: near }, 'en'), 'unknown column "Date depart": did you mean "Date de départ"?');
  assert.is(formatInputError({ ...at, code: 'unknown-column', value: 'Note', params: { header: 'Note' } }), 'colonne « Note » inconnue : ignorée');
  assert.is(
    formatInputError({ ...at, code: 'unknown-key', value: 'telephone', params: { key: 'contacts.0.telephone', suggestion: 'phone' } }),
    'clé « contacts.0.telephone » inconnue : vouliez-vous dire « phone » ?',
  );
  assert.is(
    formatInputError({ ...at, code: 'unnamed-column', value: 'x', params: { position: 5, firstLine: 3 } }),
    "la colonne 5 n'a pas d'en-tête mais la ligne 3 la remplit : nommer la colonne ou la vider",
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
