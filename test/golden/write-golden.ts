// Writes the expected outputs of test/golden/outputs.test.ts from the built CLI (run `npm run build` first).
// Only for an intended change of behaviour: a refactor must leave these files as they are.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ROOT } from '../cli/run-cli.js';
import { CASES, expectedPath, INVALID_CASES, INVALID_SNAPSHOT, PORTFOLIO_CASES, runCase, SAMPLES, THREAD_MODES } from './golden-cases.js';

const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
for (const sample of SAMPLES) {
  for (const testCase of CASES) write(expectedPath(ROOT, sample, testCase.name), runCase(testCase, sample, THREAD_MODES['one-thread']));
}
for (const testCase of PORTFOLIO_CASES) write(expectedPath(ROOT, undefined, testCase.name), runCase(testCase, '', THREAD_MODES['one-thread']));
for (const testCase of INVALID_CASES) write(expectedPath(ROOT, INVALID_SNAPSHOT, testCase.name), runCase(testCase, INVALID_SNAPSHOT, THREAD_MODES['one-thread']));
