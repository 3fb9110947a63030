import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ajvWithVigieKeywords, SNAPSHOT_AJV_SETUP } from '../../src/snapshot/schema-validator.js';
import { loadPartnerSchema, loadTableSchema, TABLE_NAMES } from '../../src/snapshot/table-schemas.js';
import { writeSchemaValidators } from '../../src/snapshot/write-schema-validators.js';
import { precompiledValidator, validatorName } from '../../src/util/precompiled-validators.js';

// The build writes the snapshot schemas' validators as code (ajv's standalone code): they must
// judge data exactly as the validators compiled at run time do, defaults included, and a
// schema that differs from the one built finds no validator.

const precompiled = suite('precompiled schema validators');

function withValidators(run: (path: string) => void): void {
  // Inside the package: the generated code requires ajv's runtime helpers.
  const dir = mkdtempSync(join(process.cwd(), '.test-validators-'));
  try {
    const path = join(dir, 'schema-validators.cjs');
    assert.is(writeSchemaValidators(path), TABLE_NAMES.length + 1);
    run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const partnerSamples: unknown[] = [
  {},
  { partner: { name: 'Commune', siret: '12' } },
  { partner: { name: 42 }, convention: { signed_on: 'hier' }, unknown_key: true },
];
const userSamples: unknown[] = [{}, { user_id: 'U1' }, { user_id: 7, kind: 'robot', left_on: 3 }];

precompiled('each precompiled validator judges as the compiled one, errors and defaults alike', () => {
  withValidators((path) => {
    const cases: [object, unknown[]][] = [
      [loadPartnerSchema(), partnerSamples],
      [loadTableSchema('users'), userSamples],
      [loadTableSchema('habilitations'), [{}, { user_id: 'U1', granted_on: '2024-13-40' }]],
    ];
    for (const [schema, samples] of cases) {
      const built = precompiledValidator(validatorName(schema, SNAPSHOT_AJV_SETUP), path);
      assert.ok(built, 'a validator for each schema');
      const compiled = ajvWithVigieKeywords().compile(schema);
      for (const sample of samples) {
        const [a, b] = [structuredClone(sample), structuredClone(sample)];
        assert.is(built!(a), compiled(b));
        assert.equal(built!.errors ?? null, compiled.errors ?? null);
        assert.equal(a, b, 'defaults filled in alike');
      }
    }
  });
});

precompiled('a schema changed since the build has no precompiled validator', () => {
  withValidators((path) => {
    const changed = { ...loadTableSchema('users'), required: ['user_id', 'kind'] };
    assert.is(precompiledValidator(validatorName(changed, SNAPSHOT_AJV_SETUP), path), undefined);
    assert.is(precompiledValidator(validatorName(loadTableSchema('users'), { ...SNAPSHOT_AJV_SETUP, keywords: [] }), path), undefined);
    assert.is(precompiledValidator('v0', join(path, 'absent.cjs')), undefined);
  });
});

precompiled.run();
