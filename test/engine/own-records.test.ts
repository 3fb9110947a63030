import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledFact } from '../../src/rules/compile-fact.js';
import { runCli } from '../cli/run-cli.js';

const own = suite('engine: a fact over the entity’s own records (no `from`)');

/** A user rule over the grants grouped by user, with the fact `d3` given. */
function ruleWith(id: string, fact: string, condition: string): string {
  return `id: ${id}
severity: error
title: {fr: Règle ${id}, en: Rule ${id}}
obligation: {fr: Obligation ${id}, en: Obligation ${id}}
source: {document: CONV, article: "6", quote: "Une citation suffisamment longue pour passer."}
for_each: {from: habilitations, group_by: [user_id]}
subject: {type: user, id: "{record.user_id}"}
facts:
  d3: ${fact}
conditions:
  all:
    - ${condition}
message: {fr: "{d3}", en: "{d3}"}
remediation: {fr: "rien", en: "nothing"}
`;
}

own('the record list of an entity is per entity, not computed once for the rule', () => {
  assert.ok(compiledFact({ where: { profile: 'D3' } }).ownRecords);
  assert.not.ok(compiledFact({ from: 'habilitations', where: { profile: 'D3' } }).ownRecords);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-own-records-'));
  try {
    writeFileSync(join(dir, 'USR-OWN-LIST.yaml'), ruleWith('USR-OWN-LIST', '{where: {profile: D3}}', '{fact: d3, path: $.length, operator: greaterThan, value: 0}'));
    writeFileSync(join(dir, 'USR-OWN-COUNT.yaml'), ruleWith('USR-OWN-COUNT', '{where: {profile: D3}, count: true}', '{fact: d3, operator: greaterThan, value: 0}'));
    const run = runCli(['check', 'samples/ca2c-2023', '--rules', dir, '--format', 'json'], { env: { VIGIE_SINGLE_THREAD: '1' } });
    assert.ok(run.code === 1, run.stderr);
    const subjects = (id: string) =>
      (JSON.parse(run.stdout).findings as { ruleId: string; subject: { id: string } }[]).filter((finding) => finding.ruleId === id).map((finding) => finding.subject.id);
    assert.ok(subjects('USR-OWN-COUNT').length > 0);
    assert.equal(subjects('USR-OWN-LIST'), subjects('USR-OWN-COUNT'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

own.run();
