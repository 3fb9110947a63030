// Runs the interactive check by hand, before (or beside) the CLI wiring:
//   node --import tsx test/tui/demo-tui.ts                 the fixture, after a simulated
//                                                           read of a 1,000,000-row file
//   node --import tsx test/tui/demo-tui.ts --long 200      200 findings, to try scrolling
//   node --import tsx test/tui/demo-tui.ts samples/ca2c-2023 [--lang en]   the real pipeline
// Exits with the code runInteractiveCheck resolves to. Does nothing when merely imported
// (uvu imports every file of test/tui when run without a pattern).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Report } from '../../src/report/report-types.js';
import { exitCodeFor } from '../../src/report/exit-code.js';
import { runInteractiveCheck, type InteractiveCheckOptions } from '../../src/tui/run-tui.js';
import { longReport, REPORT } from './report-fixture.js';

type OnProgress = Parameters<InteractiveCheckOptions['load']>[0];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reports reading the fixture's files, then a million trace rows in steps of 10,000. */
async function simulatedLoad(report: Report, onProgress: OnProgress): Promise<Report> {
  for (const [file, rows] of [['partner.yaml', 1], ['users.csv', 8], ['habilitations.csv', 12]] as const) {
    onProgress({ file, rows, done: true });
    await pause(150);
  }
  for (let rows = 10_000; rows < 1_000_000; rows += 10_000) {
    onProgress({ file: 'traces.csv', rows, done: false });
    await pause(15);
  }
  onProgress({ file: 'traces.csv', rows: 1_000_000, done: true });
  await pause(600);
  return report;
}

async function pipelineLoad(path: string, lang: 'fr' | 'en', onProgress: OnProgress): Promise<Report | undefined> {
  const { checkSnapshot, loadCatalogue } = await import('../../src/pipeline/run-check.js');
  const catalogue = loadCatalogue({ lang });
  if (catalogue.errors.length > 0) return undefined;
  const outcome = await checkSnapshot(path, catalogue, { lang, onProgress });
  return outcome.kind === 'report' ? outcome.report : undefined;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { lang: { type: 'string' }, long: { type: 'string' } }, allowPositionals: true });
  const lang = values.lang === 'en' ? 'en' : 'fr';
  const [snapshot] = positionals;
  const report = values.long ? longReport(Number(values.long)) : REPORT;
  return runInteractiveCheck({
    lang,
    load: (onProgress) => (snapshot ? pipelineLoad(snapshot, lang, onProgress) : simulatedLoad(report, onProgress)),
    exitCodeOf: (checked) => exitCodeFor(checked, 'error'),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
