import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { formatInputError } from '../../src/snapshot/input-error-messages.js';
import type { InputError } from '../../src/snapshot/snapshot-types.js';

const warnings = suite('an --as-of the data cannot speak for is a warning');
const CA2C = 'samples/ca2c-2023';

const shown = (found: readonly InputError[], lang: 'fr' | 'en' = 'fr') => found.map((warning) => `${warning.file}:${warning.line}:${warning.column}: ${formatInputError(warning, lang)}`);

warnings('more than a week after extracted_on: a warning at extracted_on, the run goes on', async () => {
  const loaded = await loadSnapshot(CA2C, { asOf: '2026-01-01' });
  assert.equal(loaded.errors, []);
  assert.ok(loaded.snapshot);
  assert.equal(shown(loaded.warnings), [
    "partner.yaml:4:1: la date d'évaluation (--as-of 01/01/2026) est 550 jours après l'export (extracted_on 30/06/2024) : les traces après cette date ne sont pas connues, les règles qui les jugent jusqu'à la date d'évaluation ne sont pas évaluées",
  ]);
  assert.equal(shown(loaded.warnings, 'en'), [
    'partner.yaml:4:1: the as-of date (--as-of 2026-01-01) is 550 days after the export (extracted_on 2024-06-30): traces after the export are not known, the rules that judge them up to the as-of date are not evaluated',
  ]);
});

warnings('within a week of the export, or no --as-of at all: no warning', async () => {
  assert.equal((await loadSnapshot(CA2C, { asOf: '2024-07-07' })).warnings, []);
  assert.equal((await loadSnapshot(CA2C)).warnings, []);
});

warnings('before the data begins (the convention signed): a warning at convention.signed_on', async () => {
  const loaded = await loadSnapshot(CA2C, { asOf: '2022-01-01' });
  const signed = loaded.warnings.map((warning) => [warning.code, warning.params]);
  assert.equal(signed, [['as-of-before-data', { asOf: '2022-01-01', signedOn: '2023-05-10' }]]);
  assert.match(shown(loaded.warnings)[0], /^partner\.yaml:13:3: la date d'évaluation \(--as-of 01\/01\/2022\) précède le début des données, la signature de la convention \(10\/05\/2023\) : aucune obligation ne courait encore$/);
});

warnings.run();
