import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../cli/run-cli.js';
import { CASES, expectedPath, INVALID_CASES, INVALID_SNAPSHOT, PORTFOLIO_CASES, runCase, SAMPLES, THREAD_MODES } from './golden-cases.js';

// Every document vigie renders stays byte for byte what test/golden/expected holds, with the
// traces read on one thread and on two: refactors are proved by this suite.
const golden = suite('golden outputs: every document, both samples, one thread and two');

for (const [mode, env] of Object.entries(THREAD_MODES)) {
  for (const sample of SAMPLES) {
    for (const testCase of CASES) {
      golden(`${mode} ${sample} ${testCase.name}`, () => {
        const expected = readFileSync(expectedPath(ROOT, sample, testCase.name), 'utf8');
        assert.fixture(runCase(testCase, sample, env), expected);
      });
    }
  }
  for (const testCase of INVALID_CASES) {
    golden(`${mode} invalid ${testCase.name}`, () => {
      assert.fixture(runCase(testCase, INVALID_SNAPSHOT, env), readFileSync(expectedPath(ROOT, INVALID_SNAPSHOT, testCase.name), 'utf8'));
    });
  }
  for (const testCase of PORTFOLIO_CASES) {
    golden(`${mode} ${testCase.name}`, () => {
      assert.fixture(runCase(testCase, '', env), readFileSync(expectedPath(ROOT, undefined, testCase.name), 'utf8'));
    });
  }
}

golden.run();
