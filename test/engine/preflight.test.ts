import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, runCli } from '../cli/run-cli.js';

/** The bundled sample with one header of one file rewritten. */
function sampleWith(file: string, from: string, to: string): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'vigie-preflight-')), 'snapshot');
  cpSync(join(ROOT, 'samples/ca2c-2023'), folder, { recursive: true });
  const path = join(folder, file);
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
  assert.ok(header.includes(from), `${file} has ${from}`);
  writeFileSync(path, [header.replace(from, to), ...rows].join('\n'));
  return folder;
}

interface RuleStatus {
  readonly id: string;
  readonly status: string;
  readonly reason?: string;
}

function statuses(folder: string, lang = 'fr'): RuleStatus[] {
  const run = runCli(['check', folder, '--format', 'json', '--fail-on', 'never', '--lang', lang]);
  assert.is(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { rules: RuleStatus[] }).rules;
}

const preflight = suite('preflight: a missing column close to an unknown header');

preflight('the not_evaluated reason names the header that may be the column, at its cell', () => {
  const rules = statuses(sampleWith('users.csv', 'Date de départ', 'Date depart'));
  const reasons = rules.filter((rule) => rule.status === 'not_evaluated' && rule.reason?.includes('left_on')).map((rule) => rule.reason);
  assert.ok(reasons.length > 0, 'a rule needs users.left_on');
  for (const reason of reasons) {
    assert.is(reason, 'colonne « left_on » absente de users.csv ; la colonne « Date depart » (H1) est-elle « Date de départ » ?');
  }
});

preflight('in English too', () => {
  const rules = statuses(sampleWith('users.csv', 'Date de départ', 'Date depart'), 'en');
  const reason = rules.find((rule) => rule.status === 'not_evaluated' && rule.reason?.includes('left_on'))?.reason;
  assert.is(reason, 'column “left_on” is absent from users.csv ; is column “Date depart” (H1) “Date de départ”?');
});

preflight('a header with a unit reads its column: no rule is left unjudged for it', () => {
  const rules = statuses(sampleWith('users.csv', 'Date de départ', 'Date de départ (jj/mm/aaaa)'));
  assert.equal(rules.filter((rule) => rule.reason?.includes('left_on')), []);
});

preflight.run();
