import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rawControls } from '../util/raw-control.js';
import { HOSTILE, hostileRules, hostileSnapshot, removeHostileCopies } from './hostile-snapshot.js';
import { runCli } from './run-cli.js';

// Data that tries to drive the terminal (OSC title, CSI clear, BEL), to forge a line (a line
// break then `src/x.csv:1:1: faux`) or to disguise text (a bidi override) is shown, not obeyed.
const hostile = suite('hostile data on the terminal and in Markdown');

const snapshot = hostileSnapshot();
const invalid = hostileSnapshot({ invalid: true });

/** No raw control but vigie's own line ends, and no line that the data forged. */
function assertShown(text: string, what: string): void {
  assert.equal(rawControls(text), [], `${what}: raw controls`);
  assert.not.ok(text.split('\n').some((line) => line.startsWith('src/x.csv')), `${what}: a forged line`);
}

hostile('check --format text: the name, the employer and the partner in their visible forms', () => {
  const run = runCli(['check', snapshot, '--format', 'text']);
  assert.is(run.code, 1, run.stderr);
  assertShown(run.stdout, 'text');
  assert.match(run.stdout, HOSTILE.lastNameShown);
  assert.match(run.stdout, HOSTILE.employerShown);
  assert.match(run.stdout, `vigie 0.1.0 — ${HOSTILE.partnerShown}`);
});

hostile('check --format markdown: controls shown, a line break in a value kept inside its row', () => {
  const run = runCli(['check', snapshot, '--format', 'markdown']);
  assert.is(run.code, 1, run.stderr);
  assertShown(run.stdout, 'markdown');
  // Markdown escaping still applies to the visible forms: `]` and `[` are escaped.
  assert.match(run.stdout, 'MARTIN<br>\\]0;pwned⟨U+202E⟩\\[2J');
  assert.match(run.stdout, 'Cabinet<br>src/x.csv:1:1: faux');
  assert.match(run.stdout, `### vigie — ${HOSTILE.partnerShown}`);
});

hostile('stderr: an invalid value stays on its error line, its controls shown', () => {
  const run = runCli(['check', invalid, '--format', 'text']);
  assert.is(run.code, 2, run.stdout);
  assertShown(run.stderr, 'stderr');
  const lines = run.stderr.trimEnd().split('\n');
  assert.is(lines.length, 1, run.stderr);
  assert.match(lines[0], /users\.csv:5:8: /);
  assert.ok(lines[0].endsWith(`(${HOSTILE.departureShown})`), lines[0]);
});

hostile('several snapshots: the portfolio table and the invalid snapshot errors', () => {
  const text = runCli(['check', snapshot, invalid, '--format', 'text']);
  assert.is(text.code, 2);
  assertShown(text.stdout, 'portfolio text');
  assertShown(text.stderr, 'portfolio stderr');
  assert.match(text.stdout, HOSTILE.partnerShown);
  assert.match(text.stderr, HOSTILE.departureShown);
  const markdown = runCli(['check', snapshot, invalid, '--format', 'markdown']);
  assertShown(markdown.stdout, 'portfolio markdown');
  assert.match(markdown.stdout, HOSTILE.partnerShown);
  assert.match(markdown.stdout, `\`${invalid.replace(/\/ca2c$/, '')}`);
  assert.match(markdown.stdout, HOSTILE.departureShown);
});

hostile('validate, deadlines and review: their text for people holds no raw control', () => {
  const validate = runCli(['validate', snapshot]);
  assert.is(validate.code, 0, validate.stderr);
  assertShown(validate.stdout, 'validate');
  const deadlines = runCli(['deadlines', snapshot]);
  assert.is(deadlines.code, 0, deadlines.stderr);
  assertShown(deadlines.stdout, 'deadlines');
  assert.match(deadlines.stdout, HOSTILE.partnerShown);
  const review = runCli(['review', snapshot, '--format', 'markdown']);
  assert.is(review.code, 0, review.stderr);
  assertShown(review.stdout, 'review markdown');
  assert.match(review.stdout, 'MARTIN<br>\\]0;pwned⟨U+202E⟩\\[2J');
  const bilan = runCli(['bilan', snapshot]);
  assert.is(bilan.code, 0, bilan.stderr);
  assertShown(bilan.stdout, 'bilan markdown');
  assert.match(bilan.stdout, HOSTILE.partnerShown);
});

hostile('validate: a snapshot folder named with controls is shown, not obeyed', () => {
  const folder = join(dirname(snapshot), 'ca2c\u001b[2J\u0007');
  cpSync(snapshot, folder, { recursive: true });
  const run = runCli(['validate', folder]);
  assert.is(run.code, 0, run.stderr);
  assertShown(run.stdout, 'validate');
  assert.match(run.stdout, 'ca2c␛[2J␇ : données valides');
});

hostile('rules show and rules list: the title, article, quote and YAML of a user rule are shown, not obeyed', () => {
  const rules = hostileRules();
  const show = runCli(['rules', 'show', 'USR-HOSTILE', '--rules', rules]);
  assert.is(show.code, 0, show.stderr);
  assertShown(show.stdout, 'rules show');
  assert.match(show.stdout, 'USR-HOSTILE — Suppléant␛]0;pwned␇ absent');
  assert.match(show.stdout, 'CONV art. 9.1⟨U+202E⟩');
  assert.match(show.stdout, '« En mode⏎src/x.csv:1:1: faux délégué');
  assert.match(show.stdout, 'role: "deputy_administrator⟨U+009B⟩"');
  const list = runCli(['rules', 'list', '--rules', rules]);
  assert.is(list.code, 0, list.stderr);
  assertShown(list.stdout, 'rules list');
  assert.match(list.stdout, 'Suppléant␛]0;pwned␇ absent');
});

hostile.after(removeHostileCopies);
hostile.run();
