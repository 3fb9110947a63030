import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../src/report/report-types.js';
import { renderApp, type AppHarness } from './render-app.js';
import { REPORT } from './report-fixture.js';

const inputs = suite('check-app: the files read, in one header line');
let harness: AppHarness | undefined;

inputs.after.each(() => {
  harness?.unmount();
  harness = undefined;
});

const WITH_INPUTS: Report = {
  ...REPORT,
  inputs: {
    files: [
      { file: 'partner.yaml', format: 'yaml', encoding: 'utf-8', lineEnds: 'lf', streamed: false, rows: 0, skipped: 0 },
      { file: 'users.csv', table: 'users', format: 'csv', encoding: 'utf-8', delimiter: ';', lineEnds: 'lf', streamed: false, rows: 8, skipped: 0 },
      { file: 'traces.csv', table: 'traces', format: 'csv', encoding: 'utf-8', delimiter: ';', lineEnds: 'crlf', streamed: true, rows: 838, skipped: 0 },
    ],
    warnings: [{ file: 'samples/ca2c-2023/users.csv', line: 1, column: 11, code: 'unknown-column', message: 'colonne « Date depart » inconnue', value: 'Date depart' }],
  },
};

function lines(frame: string): string[] {
  return frame.split('\n');
}

inputs('files, rows and reading warnings under the counts, the frame still within the terminal', async () => {
  harness = await renderApp(WITH_INPUTS, { rows: 24 });
  const frame = harness.frame();
  const line = lines(frame).find((candidate) => candidate.includes('Fichiers lus'));
  assert.is(line?.trim(), '▲ Fichiers lus : 3 · 846 ligne(s) · 1 avertissement(s) de lecture', frame);
  assert.ok(lines(frame).length <= 23, `${lines(frame).length} lines`);
});

inputs('no warning: the line without the symbol; in English with --lang en', async () => {
  harness = await renderApp({ ...WITH_INPUTS, inputs: { ...WITH_INPUTS.inputs!, warnings: [] } }, { rows: 24, lang: 'en' });
  const line = lines(harness.frame()).find((candidate) => candidate.includes('Files read'));
  assert.is(line?.trim(), 'Files read: 3 · 846 row(s) · 0 reading warning(s)');
});

inputs('a report without a manifest (a report assembled by hand): no such line', async () => {
  harness = await renderApp(REPORT, { rows: 24 });
  assert.not.match(harness.frame(), 'Fichiers lus');
});

inputs.run();
