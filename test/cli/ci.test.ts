import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { XMLValidator } from 'fast-xml-parser';
import { runCli } from './run-cli.js';
import { ca2cPersonalData, leaks } from '../redact/personal-data.js';

const ci = suite('vigie check in CI: several outputs, waivers, baseline, redaction');
const SAMPLE = 'samples/ca2c-2023';

let dir = '';
ci.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-ci-'));
});
ci.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the CA2C sample with one more grant: a D4 at site level, a new AFAS-SCOPE-LEVEL error. */
function sampleWithNewError(): string {
  const copy = join(dir, `ca2c-${Math.random().toString(36).slice(2)}`);
  cpSync(SAMPLE, copy, { recursive: true });
  appendFileSync(join(copy, 'habilitations.csv'), "U005;AFAS;Consultant;lieu d'implantation;S01;01/03/2024;;U001\n");
  return copy;
}

const FORMATS = ['json', 'text', 'sarif', 'junit', 'markdown'] as const;

/** One run rendering every format to a file (the feature under test saves the other runs), and what each file holds. */
function runAllFormats(args: readonly string[], env?: Record<string, string>): { code: number; stderr: string; outputs: Record<string, string> } {
  const prefix = join(dir, `all-${Math.random().toString(36).slice(2)}`);
  const run = runCli([...args, ...FORMATS.flatMap((format) => ['--format', format, '--output', `${prefix}.${format}`])], { env });
  const outputs = Object.fromEntries(FORMATS.map((format) => [format, run.code === 2 ? '' : readFileSync(`${prefix}.${format}`, 'utf8')]));
  return { code: run.code, stderr: run.stderr, outputs };
}

ci('one evaluation, several outputs: each file as its single-format run prints it', () => {
  const files = { json: join(dir, 'a.json'), sarif: join(dir, 'b.sarif'), junit: join(dir, 'c.xml'), markdown: join(dir, 'd.md') };
  const run = runCli(['check', SAMPLE, ...Object.entries(files).flatMap(([format, file]) => ['--format', format, '--output', file])]);
  assert.is(run.code, 1, run.stderr);
  assert.is(run.stdout, '');
  for (const [format, file] of Object.entries(files)) {
    assert.is(readFileSync(file, 'utf8'), runCli(['check', SAMPLE, '--format', format]).stdout, format);
  }
  assert.is(JSON.parse(readFileSync(files.sarif, 'utf8')).version, '2.1.0');
  assert.is(XMLValidator.validate(readFileSync(files.junit, 'utf8')), true);
});

ci('unpaired --format / --output, or an unknown format: exit 2', () => {
  const unpaired = runCli(['check', SAMPLE, '--format', 'json', '--format', 'sarif', '--output', join(dir, 'x.sarif')]);
  assert.is(unpaired.code, 2);
  assert.match(unpaired.stderr, '--format et --output vont par paires');
  const unknown = runCli(['check', SAMPLE, '--format', 'pdf']);
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, 'vigie: --format text|json|sarif|junit|markdown (pdf)');
});

ci('waivers: active ones waive, expired and unused ones are reported in every format', () => {
  const waivers = join(dir, 'waivers.yaml');
  const errors = (JSON.parse(runCli(['check', SAMPLE, '--format', 'json']).stdout).findings as { ruleId: string; severity: string; subject: { id: string } }[])
    .filter((finding) => finding.severity === 'error')
    .map((finding) => [finding.ruleId, finding.subject.id]);
  // One waiver per finding, naming its subject: a waiver without one covering several findings is itself a notice (waiver-broad).
  const entries = errors.map(([rule, subject]) => `  - {rule: ${rule}, subject: ${JSON.stringify(subject)}, reason: en cours, approved_by: Caf du Nord, expires_on: 2024-06-30}`);
  writeFileSync(
    waivers,
    ['waivers:', ...entries, '  - {rule: GOV-SECURITY-OFFICER-MISSING, reason: ancien, approved_by: Caf du Nord, expires_on: 2024-06-29}', '  - {rule: AFAS-D2-QUOTA, reason: rien, approved_by: Caf du Nord, expires_on: 2025-01-01}', ''].join('\n'),
  );
  const run = runCli(['check', SAMPLE, '--format', 'json', '--waivers', waivers]);
  assert.is(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.is(report.summary.error, 0);
  assert.is(report.summary.waived, errors.length);
  assert.equal(
    report.notices.map((notice: { code: string; line: number }) => [notice.code, notice.line]),
    [
      ['waiver-expired', entries.length + 2],
      ['waiver-unmatched', entries.length + 3],
    ],
  );
  assert.is(runCli(['check', SAMPLE, '--format', 'json', '--waivers', waivers, '--as-of', '2024-07-01']).code, 1, 'expired the day after expires_on');
  for (const [format, output] of Object.entries(runAllFormats(['check', SAMPLE, '--waivers', waivers]).outputs)) {
    assert.match(output, 'GOV-SECURITY-OFFICER-MISSING accordée par Caf du Nord expirée le 29/06/2024', format);
    assert.match(output, 'AFAS-D2-QUOTA accordée par Caf du Nord (jusqu’au 01/01/2025) : aucun constat', format);
  }
});

ci('an invalid waivers file: exit 2, FILE:LINE:COLUMN, no stack trace', () => {
  const waivers = join(dir, 'bad-waivers.yaml');
  writeFileSync(waivers, 'waivers:\n  - rule: GOV-DEPUTY-MISSING\n    reason: x\n    approved_by: Caf\n    expires_on: demain\n');
  const run = runCli(['check', SAMPLE, '--format', 'json', '--waivers', waivers]);
  assert.is(run.code, 2);
  assert.match(run.stderr, `${waivers}:5:17: dérogations non conformes au schéma : « expires_on » doit être une date AAAA-MM-JJ ou JJ/MM/AAAA (demain)`);
  assert.not.match(run.stderr, '    at ');
  assert.is(JSON.parse(run.stdout).errors[0].line, 5);
});

ci('baseline: unchanged input exits 0, a new error exits 1, resolved findings are listed', () => {
  const baseline = join(dir, 'baseline.json');
  assert.is(runCli(['check', SAMPLE, '--format', 'json', '--output', baseline]).code, 1);
  const unchanged = runCli(['check', SAMPLE, '--format', 'json', '--baseline', baseline]);
  assert.is(unchanged.code, 0, unchanged.stderr);
  const same = JSON.parse(unchanged.stdout);
  assert.ok(same.findings.every((finding: { baseline: string }) => finding.baseline === 'existing'));
  assert.equal(same.resolved, []);

  const changed = sampleWithNewError();
  const worse = runCli(['check', changed, '--format', 'json', '--baseline', baseline]);
  assert.is(worse.code, 1, worse.stderr);
  const fresh = JSON.parse(worse.stdout).findings.filter((finding: { baseline: string }) => finding.baseline === 'new');
  assert.equal(fresh.map((finding: { ruleId: string; subject: { id: string } }) => `${finding.ruleId} ${finding.subject.id}`), ['AFAS-SCOPE-LEVEL U005 D4 S01']);
  assert.is(runCli(['check', changed, '--format', 'json', '--baseline', baseline, '--fail-on', 'never']).code, 0);

  const worseBaseline = join(dir, 'worse.json');
  runCli(['check', changed, '--format', 'json', '--output', worseBaseline]);
  const better = runCli(['check', SAMPLE, '--format', 'json', '--baseline', worseBaseline]);
  assert.is(better.code, 0, better.stderr);
  assert.equal(
    JSON.parse(better.stdout).resolved.map((finding: { ruleId: string; subject: { id: string } }) => `${finding.ruleId} ${finding.subject.id}`),
    ['AFAS-SCOPE-LEVEL U005 D4 S01'],
  );
  for (const [format, output] of Object.entries(runAllFormats(['check', SAMPLE, '--baseline', worseBaseline]).outputs)) {
    assert.match(output, 'U005 D4 S01', format);
  }
});

ci('a baseline that is not a vigie report: exit 2 with its position', () => {
  const bad = join(dir, 'bad-baseline.json');
  writeFileSync(bad, '{\n  "findings": [\n    {"ruleId": "X"}\n  ]\n}\n');
  const run = runCli(['check', SAMPLE, '--baseline', bad, '--lang', 'en']);
  assert.is(run.code, 2);
  assert.match(run.stderr, `${bad}:3:5: the baseline is not a vigie --format json output: required key "fingerprint" missing`);
});

ci('--redact: no name or e-mail of the sample in any output; a fixed key gives identical runs', () => {
  const personal = ca2cPersonalData();
  const env = { VIGIE_REDACT_KEY: 'ci-secret' };
  const plain = runAllFormats(['check', SAMPLE]);
  const redacted = runAllFormats(['check', SAMPLE, '--redact'], env);
  assert.is(redacted.code, 1, redacted.stderr);
  for (const format of FORMATS) {
    assert.ok(leaks(plain.outputs[format], personal).length > 0, `${format} without --redact`);
    assert.equal(leaks(redacted.outputs[format], personal), [], format);
  }
  const first = runCli(['check', SAMPLE, '--format', 'json', '--redact'], { env });
  assert.is(first.stdout, redacted.outputs.json, 'same key, same pseudonyms, from one run to the next');
  assert.match(first.stdout, '"user_id": "U004"');
  const unkeyed = runCli(['check', SAMPLE, '--format', 'json', '--redact'], { env: { VIGIE_REDACT_KEY: '' } });
  assert.equal(leaks(unkeyed.stdout, personal), []);
});

ci('--format json with waivers, baseline and redaction still never loads ink or react', () => {
  const baseline = join(dir, 'imports-baseline.json');
  runCli(['check', SAMPLE, '--format', 'json', '--output', baseline]);
  const log = join(dir, 'imports.log');
  const run = runCli(['check', SAMPLE, '--format', 'json', '--format', 'sarif', '--output', join(dir, 'i.json'), '--output', join(dir, 'i.sarif'), '--baseline', baseline, '--redact'], {
    env: { VIGIE_IMPORT_LOG: log },
    nodeArgs: ['--import', './test/cli/record-imports.mjs'],
  });
  assert.is(run.code, 0, run.stderr);
  const modules = readFileSync(log, 'utf8');
  assert.not.match(modules, '/node_modules/ink/');
  assert.not.match(modules, '/node_modules/react/');
});

ci.run();
