import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detailText } from '../../src/rules/user-file-detail.js';

const detail = suite('rules: the words of file, syntax and schema problems');

detail('file-system codes in French and English (EACCES is tested here: the test machine runs as root)', () => {
  const both = (reason: string) => [detailText({ reason }, 'fr'), detailText({ reason }, 'en')];
  assert.equal(both('EACCES'), ['accès refusé', 'permission denied']);
  assert.equal(both('ENOENT'), ['introuvable', 'not found']);
  assert.equal(both('EISDIR'), ["c'est un dossier", 'it is a folder']);
  assert.equal(both('ELOOP'), ['boucle de liens symboliques', 'symbolic link loop']);
  // A code vigie has no words for is named, never replaced by the library's English.
  assert.equal(both('EXDEV'), ['erreur EXDEV', 'error EXDEV']);
});

detail('sizes in the unit a person reads, with a French decimal comma', () => {
  assert.is(detailText({ reason: 'TOO_LARGE', size: 1536, limit: 1024 }, 'fr'), 'fichier trop volumineux (1,5 Kio, au plus 1 Kio)');
  assert.is(detailText({ reason: 'TOO_LARGE', size: 70 * 1024 * 1024, limit: 64 * 1024 * 1024 }, 'en'), 'file too large (70 MiB, at most 64 MiB)');
});

detail('every ajv keyword in a sentence naming the key', () => {
  const fr = (keyword: string, expected?: string) => detailText({ keyword, key: 'cle', ...(expected === undefined ? {} : { expected }) }, 'fr');
  assert.is(fr('required'), 'clé obligatoire « cle » absente');
  assert.is(fr('additionalProperties'), 'clé inconnue « cle »');
  assert.is(fr('type', 'string,number'), '« cle » doit être un texte ou un nombre');
  assert.is(fr('enum', 'a, b'), 'valeur inconnue pour « cle » : attendu a, b');
  assert.is(fr('pattern', '^x$'), '« cle » doit être ^x$');
  assert.is(fr('minLength', '1'), '« cle » ne doit pas être vide');
  assert.is(fr('format', 'date'), '« cle » doit être au format date');
  assert.is(fr('minimum', '0'), '« cle » doit valoir au moins 0');
  assert.is(fr('maximum', '9'), '« cle » doit valoir au plus 9');
  assert.is(fr('minItems', '2'), '« cle » doit avoir au moins 2 élément(s)');
  assert.is(fr('maxItems', '2'), '« cle » doit avoir au plus 2 élément(s)');
  assert.is(fr('const', 'x'), '« cle » doit valoir x');
  assert.is(fr('uniqueItems'), '« cle » ne respecte pas la contrainte « uniqueItems »');
  assert.is(detailText({ keyword: 'type', key: '', expected: 'object' }, 'en'), 'the content of the file must be an object (key: value)');
  assert.is(detailText({ keyword: 'pattern', key: 'expires_on', expected: '^…$' }, 'en'), '"expires_on" must be a date YYYY-MM-DD or DD/MM/YYYY');
});

detail('yaml codes, with the snapshot’s words first', () => {
  assert.is(detailText({ reason: 'MISSING_CHAR' }, 'fr'), 'caractère manquant (guillemet, virgule, deux-points, crochet ou accolade)');
  assert.is(detailText({ reason: 'BAD_ALIAS' }, 'en'), 'alias (*name) without a matching anchor (&name)');
});

detail.run();
