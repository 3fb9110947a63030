import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkInWorkers } from '../../src/portfolio/check-in-workers.js';

const pool = suite('portfolio worker pool');

pool('outcomes come back in the order of the paths, invalid ones included', async () => {
  const paths = ['samples/exemple-conforme', 'test/fixtures/bad-inputs/impossible-date', 'samples/ca2c-2023'];
  const outcomes = await checkInWorkers(paths, { lang: 'en' });
  assert.equal(outcomes.map((outcome) => outcome.kind), ['report', 'invalid', 'report']);
  const [clean, broken, ca2c] = outcomes;
  if (clean.kind === 'report') assert.is(clean.report.snapshot.partner, "Commune d'Exemple-sur-Selle");
  if (broken.kind === 'invalid') assert.match(broken.errors[0].file, 'test/fixtures/bad-inputs/impossible-date/habilitations.csv');
  if (ca2c.kind === 'report') assert.ok(ca2c.report.summary.error > 0);
});

pool.run();
