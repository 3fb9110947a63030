import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DisplayError } from '../../../src/diagnostics/display-error.js';
import type { Report } from '../../../src/report/report-types.js';
import type { InputManifestEntry } from '../../../src/snapshot/snapshot-types.js';
import { formatText } from '../../../src/format/check/format-text.js';
import { formatJson, formatJsonPortfolio } from '../../../src/format/check/format-json.js';
import { formatMarkdown } from '../../../src/format/check/format-markdown.js';
import { formatSarif } from '../../../src/format/check/format-sarif.js';
import { formatJunit } from '../../../src/format/check/format-junit.js';
import { formatErrorsText } from '../../../src/format/check/format-errors-text.js';
import { formatErrorsJson } from '../../../src/format/check/format-errors-json.js';
import { formatErrorsMarkdown } from '../../../src/format/check/format-errors-markdown.js';
import { formatErrorsSarif } from '../../../src/format/check/format-errors-sarif.js';
import { formatErrorsJunit } from '../../../src/format/check/format-errors-junit.js';
import { ca2cReport, CA2C } from '../ca2c-report.js';
import { sarifValidator } from '../sarif-validator.js';
import { parseJunit } from './junit-xml.js';
import { RUN } from './invalid-run-fixture.js';

const options = { lang: 'fr' as const, baseDir: process.cwd() };

/** An unknown column, its header holding an escape sequence and a pipe (data, never obeyed). */
const WARNING: DisplayError = {
  file: join(CA2C, 'users.csv'),
  line: 1,
  column: 11,
  code: 'unknown-column',
  message: 'colonne « Date depart » inconnue : vouliez-vous dire « Date de départ » ?',
  value: 'Date depart\u001b]0;pwned\u0007|x',
};

/** The sample's report, its users.csv holding a column vigie ignores (its header hostile) and one reading warning. */
async function reportWithWarning(): Promise<Report> {
  const report = await ca2cReport();
  const files = report.inputs!.files.map((entry): InputManifestEntry =>
    entry.file === 'users.csv' ? { ...entry, skipped: 2, columns: [...(entry.columns ?? []), { header: 'Date depart\u001b]0;pwned\u0007|x', position: 11 }] } : entry,
  );
  return { ...report, inputs: { files, warnings: [WARNING] } };
}

const inputs = suite('format: the input manifest and reading warnings');

inputs('the sample\'s report lists every file read, the traces counted from the stream pass', async () => {
  const report = await ca2cReport();
  const traces = report.inputs!.files.find((entry) => entry.file === 'traces.csv')!;
  assert.equal([traces.streamed, traces.rows, traces.lineEnds, traces.encoding, traces.delimiter], [true, 838, 'lf', 'utf-8', ';']);
  assert.is(report.inputs!.files.length, 11);
  assert.equal(report.inputs!.warnings, []);
});

inputs('JSON: the whole manifest, keys in a fixed order, and the warnings, in the partners of a portfolio too', async () => {
  const report = await reportWithWarning();
  const json = JSON.parse(formatJson(report));
  const users = json.inputs.files.find((entry: { file: string }) => entry.file === 'users.csv');
  assert.equal(Object.keys(users), ['file', 'table', 'format', 'encoding', 'delimiter', 'lineEnds', 'streamed', 'rows', 'skipped', 'columns']);
  assert.equal(users.columns.at(-1), { header: 'Date depart\u001b]0;pwned\u0007|x', position: 11 });
  assert.equal(json.inputs.warnings, [WARNING]);
  const portfolio = JSON.parse(formatJsonPortfolio([report]));
  assert.equal(portfolio.partners[0].inputs, json.inputs);
});

inputs('text: one line per file (rows, skipped, encoding, delimiter, line ends, columns ignored), warnings as FILE:LINE:COLUMN lines, data made visible', async () => {
  const text = formatText(await reportWithWarning(), { lang: 'fr' });
  assert.ok(text.includes('Fichiers lus (11)\n'), text);
  assert.ok(text.includes('  traces.csv — 838 ligne(s) · lu en flux · utf-8 · séparateur « ; » · fins de ligne LF\n'), text);
  assert.ok(text.includes('  users.csv — 8 ligne(s) · 2 ignorée(s) (--lenient) · utf-8 · séparateur « ; » · fins de ligne LF · colonne(s) ignorée(s) : « Date depart␛]0;pwned␇|x »\n'), text);
  assert.ok(text.includes('  partner.yaml — utf-8 · fins de ligne LF\n'), text);
  assert.ok(
    text.includes(`Avertissements de lecture (1)\n  ▲ ${CA2C}/users.csv:1:11: colonne « Date depart » inconnue : vouliez-vous dire « Date de départ » ? (Date depart␛]0;pwned␇|x)\n`),
    text,
  );
  assert.not.match(text, /\u001b|\u0007/);
  const english = formatText(await reportWithWarning(), { lang: 'en' });
  assert.ok(english.includes('  traces.csv — 838 row(s) · streamed · utf-8 · delimiter « ; » · LF line ends\n'), english);
  assert.ok(english.includes('Reading warnings (1)\n'), english);
});

inputs('Markdown: warnings listed, the manifest a folded table whose cells cannot break out of their row', async () => {
  const markdown = formatMarkdown(await reportWithWarning(), options);
  assert.ok(markdown.includes(`#### Avertissements de lecture (1)\n\n- ▲ \`${CA2C}/users.csv:1:11\` — colonne « Date depart » inconnue`), markdown);
  assert.ok(markdown.includes('<summary>Fichiers lus (11)</summary>'), markdown);
  assert.ok(markdown.includes('| traces.csv | 838 (lu en flux) | 0 | utf-8 | « ; » | LF |  |\n'), markdown);
  assert.ok(markdown.includes('| users.csv | 8 | 2 | utf-8 | « ; » | LF | « Date depart␛\\]0;pwned␇\\|x » |\n'), markdown);
});

inputs('SARIF: every file an artifact (uri, charset, manifest), warnings as tool notifications, the log valid', async () => {
  const log = JSON.parse(formatSarif(await reportWithWarning(), options));
  const run = log.runs[0];
  const traces = run.artifacts.find((artifact: { location: { uri: string } }) => artifact.location.uri === `${CA2C}/traces.csv`);
  assert.equal(traces.encoding, 'utf-8');
  assert.equal([traces.properties.rows, traces.properties.skipped, traces.properties.streamed, traces.properties.lineEnds], [838, 0, true, 'lf']);
  assert.is(run.artifacts.length, 11);
  const notification = run.invocations[0].toolExecutionNotifications.at(-1);
  assert.equal(notification.level, 'warning');
  assert.equal(notification.locations[0].physicalLocation, { artifactLocation: { uri: `${CA2C}/users.csv` }, region: { startLine: 1, startColumn: 11 } });
  assert.equal(notification.properties, { code: 'unknown-column', value: WARNING.value });
  // A warning is no breach: no result of it.
  assert.not.ok(run.results.some((result: { message: { text: string } }) => result.message.text.includes('Date depart')));
  const validation = sarifValidator()(log);
  assert.ok(validation.valid, validation.errors);
});

inputs('a single-file snapshot: one artifact for the file, its tables under properties.tables', async () => {
  const report = await reportWithWarning();
  const single: Report = {
    ...report,
    snapshot: { ...report.snapshot, path: 'snap.json' },
    inputs: {
      files: [
        { file: 'snap.json', format: 'json', encoding: 'utf-8-bom', lineEnds: 'crlf', streamed: false, rows: 0, skipped: 0 },
        { file: 'snap.json', table: 'users', format: 'json', encoding: 'utf-8-bom', lineEnds: 'crlf', streamed: false, rows: 2, skipped: 0, columns: [] },
      ],
      warnings: [],
    },
  };
  const [artifact] = JSON.parse(formatSarif(single, options)).runs[0].artifacts;
  assert.equal(artifact.location, { uri: 'snap.json' });
  assert.is(artifact.encoding, 'utf-8');
  assert.equal(artifact.properties.tables.map((table: { table?: string; rows: number }) => [table.table, table.rows]), [[undefined, 0], ['users', 2]]);
  assert.ok(formatText(single, { lang: 'fr' }).includes('  snap.json (users) — 2 ligne(s) · utf-8-bom · fins de ligne CRLF\n'));
});

inputs('JUnit: the warnings in the system-out of one passing case of the vigie suite; none without warnings', async () => {
  const { testsuites } = parseJunit(formatJunit(await reportWithWarning(), options));
  const vigie = testsuites.testsuite.find((item) => item.name === 'vigie')!;
  const warningCase = vigie.testcase.find((item) => item.classname === 'vigie.input-warnings')!;
  assert.is(warningCase.name, 'Avertissements de lecture (1)');
  assert.not.ok(warningCase.failure);
  assert.is(warningCase['system-out'], `${CA2C}/users.csv:1:11: colonne « Date depart » inconnue : vouliez-vous dire « Date de départ » ? (Date depart]0;pwned|x)`);
  const plain = parseJunit(formatJunit(await ca2cReport(), options)).testsuites.testsuite.flatMap((item) => item.testcase);
  assert.not.ok(plain.some((item) => item.classname === 'vigie.input-warnings'));
});

const invalid = suite('format: reading warnings beside the errors of an invalid run');
const WITH_WARNINGS = { ...RUN, warnings: [WARNING] };

invalid('text and JSON: the warnings after the errors, under their title; unchanged without warnings', () => {
  const text = formatErrorsText(WITH_WARNINGS, options);
  assert.ok(text.startsWith(formatErrorsText(RUN, options)));
  assert.ok(text.endsWith(`Avertissements de lecture (1)\n  ▲ ${CA2C}/users.csv:1:11: colonne « Date depart » inconnue : vouliez-vous dire « Date de départ » ? (Date depart␛]0;pwned␇|x)\n`), text);
  assert.equal(JSON.parse(formatErrorsJson(WITH_WARNINGS)).warnings, [WARNING]);
  assert.equal(Object.keys(JSON.parse(formatErrorsJson(RUN))), ['errors']);
});

invalid('Markdown, SARIF and JUnit carry the warnings too', () => {
  assert.ok(formatErrorsMarkdown(WITH_WARNINGS, options).includes(`#### Avertissements de lecture (1)\n\n- ▲ \`${CA2C}/users.csv:1:11\``));
  const log = JSON.parse(formatErrorsSarif(WITH_WARNINGS, options));
  const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
  assert.equal(notifications.map((item: { level: string }) => item.level), ['error', 'error', 'error', 'error', 'warning']);
  assert.ok(sarifValidator()(log).valid);
  const cases = parseJunit(formatErrorsJunit(WITH_WARNINGS, options)).testsuites.testsuite[0].testcase;
  assert.is(cases.at(-1)?.classname, 'vigie.input-warnings');
  assert.is(cases.filter((item) => item.failure).length, RUN.errors.length);
});

inputs.run();
invalid.run();
