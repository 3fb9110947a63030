import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadBaseline } from '../../src/baseline/load-baseline.js';
import { runCli } from '../cli/run-cli.js';

const portfolio = suite('vigie check on a portfolio');
let dir = '';
let jsonRun: ReturnType<typeof runCli> | undefined;
const portfolioJson = () => (jsonRun ??= runCli(['check', dir, '--format', 'json']));

portfolio.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-portfolio-'));
  // Named so that directory order is not risk order.
  cpSync('samples/exemple-conforme', join(dir, 'a-conforme'), { recursive: true });
  cpSync('samples/ca2c-2023', join(dir, 'b-ca2c'), { recursive: true });
  mkdirSync(join(dir, 'c-broken'));
  writeFileSync(join(dir, 'c-broken', 'partner.yaml'), 'partner:\n  name: Commune Cassée\n');
  writeFileSync(join(dir, 'c-broken', 'users.csv'), 'user_id,left_on\nU1,31/02/2024\n');
});

portfolio.after(() => rmSync(dir, { recursive: true, force: true }));

portfolio('JSON: partners most at risk first, each exactly its single-snapshot report; a broken one reported with its errors; exit 2', () => {
  const run = portfolioJson();
  assert.is(run.code, 2, run.stderr);
  const { partners } = JSON.parse(run.stdout);
  assert.equal(
    partners.map((partner: { snapshot: { path: string } }) => partner.snapshot.path),
    [join(dir, 'b-ca2c'), join(dir, 'a-conforme'), join(dir, 'c-broken')],
  );
  for (const [index, name] of ['b-ca2c', 'a-conforme'].entries()) {
    const single = runCli(['check', join(dir, name), '--format', 'json']);
    assert.equal(partners[index], JSON.parse(single.stdout), name);
  }
  const broken = partners[2];
  assert.equal(Object.keys(broken), ['tool', 'snapshot', 'errors']);
  assert.equal(broken.errors.map((error: { file: string; line: number; column: number; code: string }) => [error.file, error.line, error.column, error.code]), [
    [join(dir, 'c-broken', 'users.csv'), 2, 2, 'invalid-date'],
  ]);
  assert.is(run.stderr, `${join(dir, 'c-broken', 'users.csv')}:2:2: ${broken.errors[0].message} (31/02/2024)\n`);
});

portfolio('exit code: 2 only when an input is invalid, else --fail-on over every partner', () => {
  const valid = [join(dir, 'a-conforme'), join(dir, 'b-ca2c')];
  assert.is(runCli(['check', ...valid, '--format', 'json']).code, 1);
  assert.is(runCli(['check', ...valid, '--format', 'json', '--fail-on', 'never']).code, 0);
  assert.is(runCli(['check', ...valid, join(dir, 'c-broken'), '--fail-on', 'never']).code, 2);
});

portfolio('text: one aligned row per partner, French by default, English on request', () => {
  const run = runCli(['check', dir]);
  assert.is(run.code, 2);
  const lines = run.stdout.split('\n');
  assert.is(lines[0], 'vigie 0.1.0 — portefeuille de 3 instantané(s)');
  const header = lines[2];
  assert.match(header, /^Partenaire +Erreurs  Avertissements  Non évaluées  Règle la plus grave +Au +Instantané$/);
  const [ca2c, clean] = [lines[3], lines[4]];
  assert.match(ca2c, /^Communauté d'Agglomération du Caudrésis Catésis \(CA2C\) +\d+ +\d+ +\d+  ✖ [A-Z0-9-]+ \(\d+\) +30\/06\/2024  /);
  assert.match(clean, /^Commune d'Exemple-sur-Selle +0 +0 +0  — +30\/06\/2024  /);
  // Numbers end under the end of their heading; text columns start under theirs.
  for (const heading of ['Erreurs', 'Avertissements', 'Non évaluées']) {
    const end = header.indexOf(heading) + heading.length;
    for (const row of [ca2c, clean]) assert.match(row[end - 1], /\d/, `${heading}: ${row}`);
    for (const row of [ca2c, clean]) assert.is(row[end], ' ');
  }
  for (const heading of ['Règle la plus grave', 'Au', 'Instantané']) {
    const start = header.indexOf(heading);
    for (const row of [ca2c, clean]) assert.match(row.slice(start - 2, start + 1), /^  \S/, `${heading}: ${row}`);
  }
  assert.match(run.stdout, `Instantanés invalides (1)`);
  assert.match(run.stdout, `✖ ${join(dir, 'c-broken')} — 1 erreur(s) de données`);
  assert.match(run.stdout, 'Total : 3 partenaire(s) · 1 avec erreurs · 0 avec avertissements seulement · 1 sans constat · 1 invalide(s)');
  const english = runCli(['check', dir, '--lang', 'en']);
  assert.match(english.stdout, /^Partner +Errors  Warnings  Not evaluated  Worst rule +As of +Snapshot$/m);
  assert.match(english.stdout, 'portfolio of 3 snapshot(s)');
});

portfolio('Markdown: a table of partners, and the broken snapshot with its errors', () => {
  const run = runCli(['check', dir, '--format', 'markdown']);
  assert.match(run.stdout, '| Partenaire | Erreurs | Avertissements | Non évaluées | Règle la plus grave | Au | Instantané |\n| --- | ---: | ---: | ---: | --- | --- | --- |\n| Communauté');
  assert.match(run.stdout, `- \`${join(dir, 'c-broken')}\` — 1 erreur(s) de données\n  - \`${join(dir, 'c-broken', 'users.csv')}:2:2: `);
});

portfolio('byte-identical output whichever worker finishes first', () => {
  assert.is(runCli(['check', dir, '--format', 'json']).stdout, portfolioJson().stdout);
});

portfolio('a portfolio JSON with a broken entry is a valid --baseline', () => {
  const output = join(dir, '..', `${join(dir).split('/').pop()}-baseline.json`);
  try {
    runCli(['check', dir, '--format', 'json', '--output', output]);
    const { reports, errors } = loadBaseline(output, 'fr');
    assert.equal(errors, []);
    assert.is(reports.length, 2);
    const rerun = runCli(['check', join(dir, 'a-conforme'), join(dir, 'b-ca2c'), '--baseline', output, '--format', 'json']);
    assert.is(rerun.code, 0, rerun.stderr);
    assert.ok(JSON.parse(rerun.stdout).partners.every((partner: { findings: { baseline: string }[] }) => partner.findings.every((finding) => finding.baseline === 'existing')));
  } finally {
    rmSync(output, { force: true });
  }
});

portfolio.run();
