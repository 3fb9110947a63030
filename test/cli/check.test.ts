import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from './run-cli.js';

const check = suite('vigie check');

check('the CA2C sample: findings with clause and evidence, exit 1', () => {
  const run = runCli(['check', 'samples/ca2c-2023', '--format', 'json']);
  assert.is(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  const ids = report.findings.map((finding: { ruleId: string }) => finding.ruleId);
  assert.ok(ids.includes('GOV-DEPUTY-MISSING'), ids.join(' '));
  assert.ok(ids.includes('GOV-CONTACT-INCOMPLETE'));
  assert.ok(ids.includes('HAB-DEPARTED-USER'));
  assert.is(report.asOf, '2024-06-30');
  assert.is(report.snapshot.siret, '20003063300198');
  const deputy = report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'GOV-DEPUTY-MISSING');
  assert.is(deputy.source.document, 'CONV');
  assert.is(deputy.evidence[0].file, 'partner.yaml');
  const departed = report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'HAB-DEPARTED-USER');
  assert.equal(
    departed.evidence.map((item: { file: string; line: number }) => `${item.file}:${item.line}`),
    ['habilitations.csv:7', 'users.csv:5'],
  );
  const gdpr = report.rules.find((rule: { id: string }) => rule.id === 'CONV-OPENED-BEFORE-GDPR');
  assert.is(gdpr.status, 'not_evaluated');
  assert.match(gdpr.reason, 'convention.gdpr_formalities_on');
});

check('the text output is French by default and English on request', () => {
  const french = runCli(['check', 'samples/ca2c-2023', '--format', 'text']);
  assert.is(french.code, 1);
  assert.match(french.stdout, 'Mode délégué sans administrateur suppléant');
  assert.match(french.stdout, '✖ ERREUR');
  assert.match(french.stdout, 'partner.yaml:');
  assert.match(french.stdout, 'Règles non évaluées');
  const english = runCli(['check', 'samples/ca2c-2023', '--format', 'text', '--lang', 'en']);
  assert.match(english.stdout, 'Delegated mode with no deputy administrator');
  assert.not.match(english.stdout, '\u001b[');
});

check('the clean sample passes', () => {
  const run = runCli(['check', 'samples/exemple-conforme', '--format', 'json']);
  assert.is(run.code, 0, run.stdout);
  const report = JSON.parse(run.stdout);
  assert.equal(report.findings, []);
  assert.is(report.summary.rulesFailed, 0);
});

check('output is byte-identical from one run to the next', () => {
  const first = runCli(['check', 'samples/ca2c-2023', '--format', 'json']);
  const second = runCli(['check', 'samples/ca2c-2023', '--format', 'json']);
  assert.is(first.stdout, second.stdout);
});

check('--fail-on decides the exit code; --as-of moves D', () => {
  assert.is(runCli(['check', 'samples/ca2c-2023', '--format', 'json', '--fail-on', 'never']).code, 0);
  const early = JSON.parse(runCli(['check', 'samples/ca2c-2023', '--format', 'json', '--as-of', '01/02/2024']).stdout);
  assert.is(early.asOf, '2024-02-01');
  assert.not.ok(early.findings.some((finding: { ruleId: string }) => finding.ruleId === 'HAB-DEPARTED-USER'));
});

check('--output writes the report to a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-out-'));
  try {
    const file = join(dir, 'report.json');
    const run = runCli(['check', 'samples/ca2c-2023', '--format', 'json', '--output', file]);
    assert.is(run.code, 1);
    assert.is(run.stdout, '');
    assert.is(JSON.parse(readFileSync(file, 'utf8')).snapshot.partner.includes('CA2C'), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

check('bad usage exits 2 with a message and no stack trace', () => {
  for (const args of [['check'], ['check', 'samples/ca2c-2023', '--format', 'pdf'], ['check', 'samples/ca2c-2023', '--as-of', '31/02/2024'], ['frobnicate'], ['check', '--bogus', 'x']]) {
    const run = runCli(args);
    assert.is(run.code, 2, args.join(' '));
    assert.ok(run.stderr.length > 0);
    assert.not.match(run.stderr, '    at ');
  }
});

check('French help and usage errors say « instantané », never « snapshot »; English keeps snapshot', () => {
  const help = runCli(['--help']);
  assert.match(help.stdout, 'vigie check <instantané...>');
  assert.match(help.stdout, '[--previous INSTANTANÉ]');
  assert.not.match(help.stdout.toLowerCase(), 'snapshot');
  for (const command of ['check', 'validate', 'bilan', 'review', 'deadlines']) {
    const french = runCli([command]);
    assert.is(french.code, 2, command);
    assert.match(french.stderr, `vigie ${command} <instantané`, command);
    assert.not.match(french.stderr.toLowerCase(), 'snapshot', command);
    assert.match(runCli([command, '--lang', 'en']).stderr, `vigie ${command} <snapshot`, command);
  }
});

check('--format json never loads ink or react', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-imports-'));
  try {
    const log = join(dir, 'imports.log');
    const run = runCli(['check', 'samples/ca2c-2023', '--format', 'json'], {
      env: { VIGIE_IMPORT_LOG: log },
      nodeArgs: ['--import', './test/cli/record-imports.mjs'],
    });
    assert.is(run.code, 1, run.stderr);
    const modules = readFileSync(log, 'utf8');
    assert.match(modules, 'json-rules-engine');
    assert.not.match(modules, '/node_modules/ink/');
    assert.not.match(modules, '/node_modules/react/');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

check('a trace row that does not parse is reported even when no rule reads the traces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-unread-traces-'));
  try {
    cpSync('samples/ca2c-2023', dir, { recursive: true });
    appendFileSync(join(dir, 'traces.csv'), '31/02/2024 10:00;U001;Consultation;;;\n');
    const traceRules = ['HAB-ACCESS-AFTER-DEPARTURE', 'HAB-AUTOMATED-USE', 'HAB-OUT-OF-SCOPE-ACCESS', 'HAB-SHARED-ACCOUNT', 'HAB-UNUSED', 'RET-TRACES-BEYOND-RETENTION'];
    const config = join(dir, 'vigie.config.yaml');
    writeFileSync(config, `rules:\n${traceRules.map((id) => `  ${id}: {enabled: false}\n`).join('')}`);
    const run = runCli(['check', dir, '--config', config, '--format', 'json']);
    assert.is(run.code, 2, run.stdout + run.stderr);
    const errors = JSON.parse(run.stdout).errors as { file: string; line: number; value?: string }[];
    assert.equal(
      errors.map((error) => [error.file, error.line, error.value]),
      [[join(dir, 'traces.csv'), 840, '31/02/2024 10:00']],
    );
    // Lenient, the row is skipped and said so.
    const lenient = runCli(['check', dir, '--config', config, '--format', 'json', '--lenient']);
    assert.is(JSON.parse(lenient.stdout).skipped.length, 1, lenient.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

check('a --config that breaks its schema: its error at file, line and column, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bad-config-'));
  try {
    const config = join(dir, 'vigie.config.yaml');
    writeFileSync(config, 'rules:\n  HAB-UNUSED: {enabled: maybe}\n');
    const run = runCli(['check', 'samples/exemple-conforme', '--config', config, '--format', 'json']);
    assert.is(run.code, 2, run.stdout + run.stderr);
    const errors = JSON.parse(run.stdout).errors as { file: string; line: number; column: number; code: string }[];
    assert.equal(
      errors.map((error) => [error.line, error.column, error.code]),
      [[2, 25, 'config-schema']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

check.run();
