import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUNDLED_RULES, loadRules } from '../../src/rules/load-rules.js';
import { loadDeadlineDefinitions } from '../../src/deadlines/load-deadline-definitions.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const FIXTURE = 'test/fixtures/deadlines/fin-de-mois';

const cli = suite('vigie deadlines');

cli('a French table by date: date, what is due, clause, subject; past ones apart', () => {
  const run = runCli(['deadlines', FIXTURE]);
  assert.is(run.code, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.is(lines[0], 'vigie 0.1.0 — Échéances de Commune de Fin-de-Mois');
  assert.is(lines[1], `SIRET 21590123400017 · évaluation au 15/01/2024 · mode délégué · ${FIXTURE}`);
  assert.match(lines[3], /^Date {8}Échéance +Clause +Sujet$/);
  assert.is(lines[4], '20/01/2024  Escalade possible si l’incident reste sans réponse         CS art. 3.3     incident INC-1');
  assert.is(lines[5], '29/02/2024  Dernier jour de réception d’une résiliation au 31/05/2024  CONV art. 17.2  partenaire 21590123400017');
  // Every column starts at the same place on every row.
  const clauseAt = lines[3].indexOf('Clause');
  for (const line of lines.slice(4, 11)) assert.match(line.slice(clauseAt), /^(CS|CONV) art\./);
  assert.match(run.stdout, 'Déjà échues au 15/01/2024 (voir vigie check) (1)\n  11/12/2023  Escalade possible');
});

cli('--lang en, --format json, byte-identical runs', () => {
  const english = runCli(['deadlines', FIXTURE, '--lang', 'en']);
  assert.match(english.stdout, 'Deadlines of Commune de Fin-de-Mois');
  assert.match(english.stdout, '2024-02-29  Last day for a termination letter to be received, to end on 2024-05-31');
  const json = runCli(['deadlines', FIXTURE, '--format', 'json']);
  assert.is(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.equal(Object.keys(report), ['tool', 'asOf', 'snapshot', 'deadlines', 'overdue', 'notComputed']);
  assert.equal(Object.keys(report.deadlines[0]), ['kind', 'date', 'title', 'detail', 'ruleId', 'source', 'subject', 'evidence']);
  assert.equal(report.deadlines[0].subject, { type: 'incident', id: 'INC-1' });
  assert.is(runCli(['deadlines', FIXTURE, '--format', 'json']).stdout, json.stdout);
});

cli('bad usage and bad input exit 2 with file:line:column', () => {
  assert.is(runCli(['deadlines']).code, 2);
  const sarif = runCli(['deadlines', FIXTURE, '--format', 'sarif']);
  assert.is(sarif.code, 2);
  assert.match(sarif.stderr, '--format text|json');
  const bad = runCli(['deadlines', 'test/fixtures/bad-inputs/impossible-date', '--format', 'json']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /^test\/fixtures\/bad-inputs\/impossible-date\/habilitations\.csv:\d+:\d+: /m);
  assert.ok(JSON.parse(bad.stdout).errors.length > 0);
});

const data = suite('rules/_data/deadlines.yaml');

data('names existing rules and parameters, and quotes the contract verbatim', () => {
  const { definitions, errors } = loadDeadlineDefinitions('fr');
  assert.equal(errors, []);
  const rules = new Map(loadRules([BUNDLED_RULES]).rules.map((rule) => [rule.id, rule]));
  for (const [kind, definition] of Object.entries(definitions!)) {
    if (!('rule' in definition)) continue;
    const rule = rules.get(definition.rule);
    assert.ok(rule, `${kind}: ${definition.rule}`);
    assert.ok(Object.hasOwn(rule!.params, definition.param), `${kind}: ${definition.rule}.${definition.param}`);
  }
  const normalize = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const contract = normalize(readFileSync(join(ROOT, 'rules/_sources/convention-mon-compte-partenaire-ca2c-2023.txt'), 'utf8'));
  assert.ok(contract.includes(normalize(definitions!.convention_anniversary.source.quote)));
});

data('a file that does not match its schema is reported with its position', () => {
  const { errors } = loadDeadlineDefinitions('en', join(ROOT, 'test/fixtures/deadlines/bad-definitions.yaml'));
  const unexpected = errors.find((error) => error.message.includes('unknown key "parameter"'));
  assert.equal([unexpected?.file, unexpected?.line, unexpected?.code], ['test/fixtures/deadlines/bad-definitions.yaml', 4, 'deadlines-schema']);
  assert.match(unexpected!.message, 'deadlines do not match the schema');
  assert.ok(errors.some((error) => error.message.includes('required key "bilan_due" missing')));
});

data('src/ names no rule ID: the mapping lives in the data file', () => {
  const ids = [...loadRules([BUNDLED_RULES]).rules.map((rule) => rule.id)];
  const files = (dir: string): string[] => readdirSync(dir).flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? files(join(dir, entry)) : [join(dir, entry)]));
  for (const file of [...files(join(ROOT, 'src/deadlines')), ...files(join(ROOT, 'src/portfolio'))]) {
    const text = readFileSync(file, 'utf8');
    for (const id of ids) assert.not.ok(text.includes(id), `${file} names ${id}`);
  }
});

cli.run();
data.run();
