import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadWaivers } from '../../src/waivers/load-waivers.js';
import { errorLine } from '../../src/diagnostics/display-error.js';

/** How ajv words its errors: none of it may reach the user. */
const AJV_ENGLISH = /required property|must match|must NOT|must be (string|boolean|object|integer|number|array|equal)\b/;
const load = suite('waivers: reading --waivers');
const fixture = (name: string) => `test/waivers/fixtures/${name}.yaml`;
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

load('a valid file: entries with their position, dates normalized', () => {
  const { waivers, errors } = loadWaivers(fixture('valid'), 'fr');
  assert.equal(errors, []);
  assert.equal(waivers, [
    {
      rule: 'GOV-DEPUTY-MISSING',
      reason: 'Suppléant en cours de désignation (délibération du 12/09/2024)',
      approvedBy: 'Caf du Nord, service partenaires',
      expiresOn: '2024-12-31',
      file: fixture('valid'),
      line: 3,
      column: 5,
    },
    {
      rule: 'GOV-CONTACT-INCOMPLETE',
      subject: 'administrator chuygen@caudresis-catesis.fr',
      reason: 'Numéro corrigé dans la prochaine pièce justificative',
      approvedBy: 'Caf du Nord',
      expiresOn: '2024-06-30',
      file: fixture('valid'),
      line: 7,
      column: 5,
    },
  ]);
});

load('schema errors: every one, at its line and column, in words of the run language', () => {
  const { waivers, errors } = loadWaivers(fixture('schema-error'), 'fr');
  assert.equal(waivers, []);
  assert.equal(
    errors.map(errorLine),
    [
      `${fixture('schema-error')}:2:5: dérogations non conformes au schéma : clé obligatoire « reason » absente`,
      `${fixture('schema-error')}:6:14: dérogations non conformes au schéma : « subject » doit être un texte (20003063300198)`,
      `${fixture('schema-error')}:10:11: dérogations non conformes au schéma : « rule » doit être un identifiant de règle, en majuscules et tirets, tel que « vigie rules list » l’affiche (gov-deputy-missing)`,
      `${fixture('schema-error')}:13:17: dérogations non conformes au schéma : « expires_on » doit être une date AAAA-MM-JJ ou JJ/MM/AAAA (fin 2024)`,
      `${fixture('schema-error')}:14:16: dérogations non conformes au schéma : clé inconnue « expire_on »`,
    ],
  );
  assert.equal(loadWaivers(fixture('schema-error'), 'en').errors.map(errorLine).slice(0, 2), [
    `${fixture('schema-error')}:2:5: waivers do not match the schema: required key "reason" missing`,
    `${fixture('schema-error')}:6:14: waivers do not match the schema: "subject" must be a text (20003063300198)`,
  ]);
});

load('blank reason, approver or subject, a missing expiry and impossible dates: all in one run', () => {
  const file = fixture('many-errors');
  const { waivers, errors } = loadWaivers(file, 'fr');
  assert.equal(waivers, []);
  assert.equal(errors.map(errorLine), [
    `${file}:3:13: dérogations non conformes au schéma : « reason » doit être un texte non blanc (   )`,
    `${file}:4:18: dérogations non conformes au schéma : « approved_by » doit être un texte non blanc ()`,
    `${file}:6:5: dérogations non conformes au schéma : clé obligatoire « expires_on » absente`,
    `${file}:11:18: dérogations non conformes au schéma : « approved_by » doit être un texte non blanc (␉)`, // the tab shown, as every control on a terminal
    `${file}:12:17: date d'expiration impossible (31/02/2025)`,
    `${file}:14:14: dérogations non conformes au schéma : « subject » doit être un texte non blanc ( )`,
    `${file}:17:17: date d'expiration impossible (2025-13-01)`,
  ]);
  assert.ok(errors.every((error) => !AJV_ENGLISH.test(error.message)), 'no ajv English');
  assert.equal(loadWaivers(file, 'en').errors.map((error) => error.message).slice(2, 5), [
    'waivers do not match the schema: required key "expires_on" missing',
    'waivers do not match the schema: "approved_by" must be a text that is not blank',
    'impossible expiry date',
  ]);
});

load('a YAML syntax error, a missing file, an empty file: vigie words, not the libraries’', () => {
  assert.equal(loadWaivers(fixture('bad-date'), 'en').errors.map(errorLine), [`${fixture('bad-date')}:5:17: impossible expiry date (2024-02-30)`]);
  assert.equal(loadWaivers(fixture('syntax'), 'fr').errors.map(errorLine), [
    `${fixture('syntax')}:5:1: YAML invalide : caractère manquant (guillemet, virgule, deux-points, crochet ou accolade)`,
  ]);
  assert.equal(loadWaivers('test/waivers/fixtures/absent.yaml', 'fr').errors.map(errorLine), [
    'test/waivers/fixtures/absent.yaml:1:1: fichier de dérogations illisible : introuvable',
  ]);
  assert.equal(loadWaivers('test/waivers/fixtures/absent.yaml', 'en').errors.map(errorLine), [
    'test/waivers/fixtures/absent.yaml:1:1: cannot read the waivers file: not found',
  ]);
  assert.equal(loadWaivers('test/waivers/fixtures/empty.yaml', 'en').errors.map(errorLine), [
    'test/waivers/fixtures/empty.yaml:1:1: waivers do not match the schema: the content of the file must be an object (key: value)',
  ]);
});

load('bounded: a device, a folder, a FIFO and a file over 1 MiB are refused unread, fast', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-waivers-'));
  try {
    const started = Date.now();
    assert.equal(loadWaivers('/dev/zero', 'fr').errors.map(errorLine), [
      "/dev/zero:1:1: fichier de dérogations illisible : ce n'est pas un fichier ordinaire mais un périphérique",
    ]);
    mkfifo(join(dir, 'fifo.yaml'));
    assert.equal(loadWaivers(join(dir, 'fifo.yaml'), 'en').errors.map((error) => error.message), ['cannot read the waivers file: not a regular file but a named pipe (FIFO)']);
    assert.equal(loadWaivers(dir, 'en').errors.map((error) => error.message), ['cannot read the waivers file: not a regular file but a folder']);
    writeFileSync(join(dir, 'large.yaml'), `waivers: []\n${'#'.repeat(1.5 * 1024 * 1024)}\n`);
    assert.equal(loadWaivers(join(dir, 'large.yaml'), 'fr').errors.map((error) => [error.line, error.column, error.message]), [
      [1, 1, 'fichier de dérogations illisible : fichier trop volumineux (1,5 Mio, au plus 1 Mio)'],
    ]);
    assert.ok(Date.now() - started < 5000, 'nothing read whole');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

load.run();
