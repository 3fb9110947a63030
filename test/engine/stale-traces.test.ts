import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../cli/run-cli.js';

const stale = suite('rules that judge the traces up to D, when D is beyond the export');

interface JsonRule {
  readonly id: string;
  readonly status: string;
  readonly reason?: string;
  readonly findings: number;
}

function rulesAt(asOf: string | undefined, lang = 'fr'): Map<string, JsonRule> {
  const run = runCli(['check', 'samples/ca2c-2023', '--format', 'json', '--lang', lang, ...(asOf ? ['--as-of', asOf] : [])]);
  assert.is(run.code, 1, run.stderr);
  return new Map((JSON.parse(run.stdout).rules as JsonRule[]).map((rule) => [rule.id, rule]));
}

stale('--as-of a year and a half after the export: HAB-UNUSED not evaluated, with the reason, no false finding', () => {
  const rules = rulesAt('2026-01-01');
  assert.equal(rules.get('HAB-UNUSED'), {
    ...rules.get('HAB-UNUSED')!,
    status: 'not_evaluated',
    reason: "la date d'évaluation (01/01/2026) est postérieure à l'export (30/06/2024) : les traces après cette date ne sont pas connues",
    findings: 0,
  });
  assert.is(rulesAt('2026-01-01', 'en').get('HAB-UNUSED')!.reason, 'the as-of date (2026-01-01) is after the export (2024-06-30): the traces after that date are not known');
  // Findings the export's own traces prove are kept.
  assert.is(rules.get('HAB-ACCESS-AFTER-DEPARTURE')!.status, 'failed');
});

stale('at the export date, or within the week after it, HAB-UNUSED is judged', () => {
  // Judged, not set aside: with its five-month window no grant of the sample is unused by then.
  assert.is(rulesAt(undefined).get('HAB-UNUSED')!.status, 'passed');
  assert.is(rulesAt('2024-07-07').get('HAB-UNUSED')!.status, 'passed');
  assert.is(rulesAt('2024-07-07').get('HAB-UNUSED')!.reason, undefined);
});

stale.run();
