import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../cli/run-cli.js';

const previous = suite('vigie bilan --previous: the same partner, an older export');
const Y2024 = 'test/fixtures/bilan/2024';
const Y2023 = 'test/fixtures/bilan/2023';

previous('a --previous exported after the current snapshot is an error at its extracted_on, exit 2', () => {
  const run = runCli(['bilan', Y2023, '--previous', Y2024]);
  assert.is(run.code, 2, run.stderr);
  assert.is(run.stdout, '');
  assert.is(
    run.stderr.trim(),
    'test/fixtures/bilan/2024/partner.yaml:2:1: --previous : export du 30/06/2024, postérieur à celui du bilan (30/06/2023) : le précédent doit être plus ancien',
  );
  const english = runCli(['bilan', Y2023, '--previous', Y2024, '--lang', 'en']);
  assert.match(english.stderr, "partner.yaml:2:1: --previous: export of 2024-06-30, after the bilan's (2023-06-30): the previous one must be older");
});

previous('an --as-of before the previous export is the date compared', () => {
  const run = runCli(['bilan', Y2024, '--previous', Y2023, '--as-of', '2023-01-01']);
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, 'test/fixtures/bilan/2023/partner.yaml:2:1: --previous : export du 30/06/2023, postérieur à celui du bilan (01/01/2023)');
  assert.is(runCli(['bilan', Y2024, '--previous', Y2023]).code, 0, 'last year before this year is the normal case');
});

previous('another partner and a later date: both errors in one run', () => {
  const run = runCli(['bilan', Y2023, '--previous', 'samples/ca2c-2023']);
  assert.is(run.code, 2);
  assert.match(run.stderr, "samples/ca2c-2023:1:1: --previous : SIRET 20003063300198, celui d'un autre partenaire que 21590999900017");
  assert.match(run.stderr, 'samples/ca2c-2023/partner.yaml:');
  assert.match(run.stderr, ': --previous : export du 30/06/2024, postérieur à celui du bilan (30/06/2023)');
});

previous.run();
