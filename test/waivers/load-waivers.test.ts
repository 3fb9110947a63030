import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadWaivers } from '../../src/waivers/load-waivers.js';
import { errorLine } from '../../src/diagnostics/display-error.js';

const load = suite('waivers: reading --waivers');
const fixture = (name: string) => `test/waivers/fixtures/${name}.yaml`;

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

load('schema errors: every one, at its line and column', () => {
  const { waivers, errors } = loadWaivers(fixture('schema-error'), 'fr');
  assert.equal(waivers, []);
  assert.equal(
    errors.map(errorLine),
    [
      `${fixture('schema-error')}:2:5: dérogations non conformes au schéma : /waivers/0 must have required property 'reason'`,
      `${fixture('schema-error')}:6:14: dérogations non conformes au schéma : /waivers/1/subject must be string`,
      `${fixture('schema-error')}:14:16: dérogations non conformes au schéma : /waivers/2 must NOT have additional properties « expire_on »`,
      `${fixture('schema-error')}:10:11: dérogations non conformes au schéma : /waivers/2/rule must match pattern "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"`,
      `${fixture('schema-error')}:13:17: dérogations non conformes au schéma : /waivers/2/expires_on must match pattern "^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}/[0-9]{2}/[0-9]{4})$"`,
    ],
  );
});

load('an impossible date, a YAML syntax error, a missing file, an empty file', () => {
  assert.equal(loadWaivers(fixture('bad-date'), 'en').errors.map(errorLine), [`${fixture('bad-date')}:5:17: impossible expiry date (2024-02-30)`]);
  const syntax = loadWaivers(fixture('syntax'), 'fr').errors;
  assert.is(syntax.length, 1);
  assert.match(errorLine(syntax[0]), /^test\/waivers\/fixtures\/syntax\.yaml:\d+:\d+: YAML invalide : /);
  const missing = loadWaivers('test/waivers/fixtures/absent.yaml', 'en').errors;
  assert.match(errorLine(missing[0]), /^test\/waivers\/fixtures\/absent\.yaml:1:1: cannot read the waivers file: /);
  const empty = loadWaivers('test/waivers/fixtures/empty.yaml', 'en').errors;
  assert.equal(empty.map(errorLine), ['test/waivers/fixtures/empty.yaml:1:1: waivers do not match the schema: / must be object']);
});

load.run();
