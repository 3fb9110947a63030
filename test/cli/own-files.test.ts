import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from './run-cli.js';

const own = suite('vigie check: the run’s own files (--config, --waivers, --baseline)');
const SAMPLE = 'samples/exemple-conforme';
const dir = mkdtempSync(join(tmpdir(), 'vigie-own-files-'));

own('--config /dev/zero: refused at once, exit 2, one located line, no stack trace', () => {
  const started = Date.now();
  const run = runCli(['check', SAMPLE, '--config', '/dev/zero']);
  assert.ok(Date.now() - started < 20_000, 'nothing read from /dev/zero');
  assert.is(run.code, 2);
  assert.is(run.stderr.trim(), "/dev/zero:1:1: fichier illisible : ce n'est pas un fichier ordinaire mais un périphérique");
});

own('--waivers on a FIFO, --baseline on a folder: located errors of both in one run, no hang', () => {
  const fifo = join(dir, 'waivers.yaml');
  execFileSync('mkfifo', [fifo]);
  const run = runCli(['check', SAMPLE, '--waivers', fifo, '--baseline', dir, '--lang', 'en']);
  assert.is(run.code, 2);
  assert.match(run.stderr, `${fifo}:1:1: cannot read the waivers file: not a regular file but a named pipe (FIFO)`);
  assert.match(run.stderr, `${dir}:1:1: cannot read the baseline: not a regular file but a folder`);
  assert.not.match(run.stderr, '    at ');
});

own('waivers.max_horizon of --config: a waiver beyond it is a warning notice and still applies', () => {
  const config = join(dir, 'config.yaml');
  const waivers = join(dir, 'long.yaml');
  writeFileSync(config, 'waivers:\n  max_horizon: P3M\n');
  // The sample is as of 2024-06-30: six months is within the default year, not within three months.
  writeFileSync(waivers, 'waivers:\n  - rule: GOV-REVIEW-OVERDUE\n    reason: revue planifiée\n    approved_by: Caf du Nord\n    expires_on: 2024-12-31\n');
  const withDefault = JSON.parse(runCli(['check', SAMPLE, '--format', 'json', '--waivers', waivers]).stdout);
  assert.not.ok(withDefault.notices.some((notice: { code: string }) => notice.code === 'waiver-beyond-horizon'));
  const configured = runCli(['check', SAMPLE, '--format', 'json', '--waivers', waivers, '--config', config]);
  const notice = JSON.parse(configured.stdout).notices.find((item: { code: string }) => item.code === 'waiver-beyond-horizon');
  assert.match(notice.message, 'au-delà de l’horizon de 3 mois après le 30/06/2024 (au plus tard le 30/09/2024)');
  assert.is(notice.line, 2);
});

own('a waiver with a blank approver: exit 2 before any check', () => {
  const waivers = join(dir, 'blank.yaml');
  writeFileSync(waivers, 'waivers:\n  - rule: GOV-REVIEW-OVERDUE\n    reason: revue planifiée\n    approved_by: "  "\n    expires_on: 2024-12-31\n');
  const run = runCli(['check', SAMPLE, '--waivers', waivers]);
  assert.is(run.code, 2);
  assert.is(run.stderr.trim(), `${waivers}:4:18: dérogations non conformes au schéma : « approved_by » doit être un texte non blanc (  )`);
});

own.after(() => rmSync(dir, { recursive: true, force: true }));
own.run();
