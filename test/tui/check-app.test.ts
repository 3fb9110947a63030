import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../src/report/report-types.js';
import type { FileProgress } from '../../src/tui/loading-view.js';
import { findingLines, KEY, renderApp, tick, waitFor, type AppHarness } from './render-app.js';
import { longReport, REPORT } from './report-fixture.js';

const app = suite('check-app');
let harness: AppHarness | undefined;

app.after.each(() => {
  harness?.unmount();
  harness = undefined;
});

async function open(report: Report | undefined, options?: Parameters<typeof renderApp>[1]): Promise<AppHarness> {
  harness = await renderApp(report, options);
  return harness;
}

function selectedLine(frame: string): string {
  const selected = findingLines(frame).filter((line) => line.startsWith('›'));
  assert.is(selected.length, 1, `one selected line in:\n${frame}`);
  return selected[0];
}

function assertFits(frame: string, columns: number, rows: number) {
  const lines = frame.split('\n');
  assert.ok(lines.length <= rows - 1, `${lines.length} lines for ${rows} rows`);
  for (const line of lines) assert.ok([...line].length <= columns, `wider than ${columns}: ${line}`);
}

app('the header names the partner, the date, the mode and the counts', async () => {
  const { frame } = await open(REPORT);
  const text = frame();
  assert.match(text, "vigie — Communauté d'Agglomération du Caudrésis Catésis (CA2C)");
  assert.match(text, 'SIRET 20003063300198 · évaluation au 30/06/2024 · mode délégué');
  assert.match(text, '✖ 7 erreur(s)  ▲ 3 avertissement(s)  ℹ 1 information(s)  · 1 dérogation(s)');
  assert.match(text, 'règles : 10 en échec · 16 respectée(s) · 2 non évaluée(s) · 1 dérogée(s)');
  assert.match(text, '↑↓ jk déplacer · Entrée ouvrir · / chercher · 1 2 3 gravités · g grouper');
  assertFits(text, 80, 24);
});

app('the list groups findings by document and article, in contract order, recommendations last', async () => {
  const { frame } = await open(REPORT, { rows: 40 });
  const headings = frame()
    .split('\n')
    .filter((line) => /^\S.*\(\d+\)$/.test(line) && !line.startsWith('✖'));
  assert.equal(headings, [
    'Convention (CONV) art. 9.1 (1)',
    'Convention (CONV) art. 9.2 (3)',
    'Contrat de services (CS) art. 2.2.2 (1)',
    'Contrat de services (CS) art. 5.1 (1)',
    "Bulletin d'adhésion AFAS (AFAS) art. 1.1 (3)",
    "Bulletin d'adhésion AFAS (AFAS) art. 1.21 (2)",
    'Recommandations (hors obligations contractuelles) (1)',
  ]);
  const lines = findingLines(frame());
  assert.is(lines.length, 12);
  assert.is(lines[0], '›✖ GOV-DEPUTY-MISSING  partenaire 20003063300198  Mode délégué sans administrat…');
  assert.ok(lines.some((line) => line.startsWith(' ▲ GOV-SECURITY-OFFICER-MISSING  partenaire 20003063300198 [dérogation]')));
  assert.ok(lines.at(-1)?.startsWith(' ℹ BP-SELF-APPROVAL  utilisateur U001  '));
  assertFits(frame(), 80, 40);
});

app('↓ j ↑ k move the selection marker', async () => {
  const { frame, press } = await open(REPORT);
  await press(KEY.down);
  assert.match(selectedLine(frame()), /^›✖ HAB-DEPARTED-USER/);
  await press('j');
  assert.match(selectedLine(frame()), /^›✖ HAB-NOT-PARTNER-STAFF/);
  await press(KEY.up, 'k', 'k');
  assert.match(selectedLine(frame()), /^›✖ GOV-DEPUTY-MISSING/);
});

app('keys that come faster than frames are all applied', async () => {
  const { frame, burst } = await open(longReport(60));
  await burst(...Array.from({ length: 20 }, () => KEY.down), 'k');
  assert.match(selectedLine(frame()), 'U119');
  await burst('/', 'U', '1', '4', '2', KEY.enter, KEY.enter);
  assert.match(frame(), '✖ ERREUR  HAB-DEPARTED-USER  utilisateur U142');
});

app('letters read together count as one key each, or as search text', async () => {
  const { frame, press } = await open(REPORT);
  await press('jjj');
  assert.match(selectedLine(frame()), /^›✖ HAB-TECHNICAL-ACCOUNT/);
  await press('/u008');
  assert.match(frame(), 'Recherche (identifiant, sujet, message) : u008█');
  assert.match(selectedLine(frame()), /^›✖ HAB-NOT-PARTNER-STAFF/);
  // Pasted into the search, a line break and a q are text, not Enter and quit.
  await press(' q\rx');
  assert.match(frame(), 'Recherche (identifiant, sujet, message) : u008 qx█');
  await press(KEY.escape, 'k\r');
  assert.match(frame(), '✖ ERREUR  HAB-DEPARTED-USER');
  // Esc then j in one read (Ink says Alt+j): back to the list, one finding down.
  await press(`${KEY.escape}j`);
  assert.match(selectedLine(frame()), /^›✖ HAB-NOT-PARTNER-STAFF/);
});

app('g groups by severity and keeps the selection', async () => {
  const { frame, press } = await open(REPORT, { rows: 40 });
  await press('j', 'g');
  const text = frame();
  assert.match(text, '✖ Erreurs (7)');
  assert.match(text, '▲ Avertissements (4)');
  assert.match(text, 'ℹ Informations (1)');
  assert.ok(text.indexOf('✖ Erreurs') < text.indexOf('▲ Avertissements'));
  assert.match(selectedLine(text), /^›✖ HAB-DEPARTED-USER/);
  assert.match(text, 'par gravité');
  await press('g');
  assert.match(frame(), 'Convention (CONV) art. 9.1 (1)');
});

app('scrolling a long list keeps the selection on screen', async () => {
  const { frame, press } = await open(longReport(60));
  // 24 rows less the header (5), the status line, two footer lines and Ink's last line.
  assert.is(findingLines(frame()).length, 14, 'the window holds the heading and 14 findings');
  for (let step = 1; step <= 30; step += 1) {
    await press(KEY.down);
    assert.match(selectedLine(frame()), `U${100 + step}`);
    assertFits(frame(), 80, 24);
  }
  assert.match(frame(), '31/60');
  // The window moved only as far as needed: the selection sits on its last row.
  assert.is(findingLines(frame()).at(-1), selectedLine(frame()));
  await press(KEY.up);
  assert.is(findingLines(frame()).at(-2), selectedLine(frame()), 'going back up does not scroll');
  await press(KEY.pageDown, KEY.pageDown, KEY.pageDown, KEY.pageDown);
  assert.match(selectedLine(frame()), 'U159');
  assert.match(frame(), '60/60');
  await press(KEY.pageDown);
  assert.match(selectedLine(frame()), 'U159');
});

app('the search filters as you type; Enter keeps it, Esc clears it', async () => {
  const { frame, press } = await open(REPORT);
  await press('/');
  assert.match(frame(), 'Recherche (identifiant, sujet, message) : █');
  assert.match(frame(), 'Entrée garder · Échap effacer');
  const counts: number[] = [];
  for (const letter of 'equipement') {
    await press(letter);
    counts.push(findingLines(frame()).length);
  }
  // Accents ignored: « équipement » is found by `equipement`, in subjects and messages.
  assert.match(frame(), 'Recherche (identifiant, sujet, message) : equipement█');
  assert.equal(
    findingLines(frame()).map((line) => line.slice(3).split('  ')[0]),
    ['AFAS-D3-QUOTA', 'AFAS-SCOPE-LEVEL', 'AFAS-NO-APPROVER', 'BP-SELF-APPROVAL'],
  );
  assert.ok(counts[0] > counts.at(-1)!, `narrows as letters come: ${counts.join(', ')}`);
  await press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
  await press('q', ' ', 'E', 'Q', '-', 'M', 'A');
  // q is a letter while searching, not a way out.
  assert.match(frame(), 'Recherche (identifiant, sujet, message) : eq EQ-MA█');
  await press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
  // Pasted text comes as one input.
  await press('Q-MA');
  assert.equal(findingLines(frame()).length, 1);
  await press(KEY.enter);
  assert.match(frame(), '1/12 constat(s) · filtre « eQ-MA » · par article');
  assert.match(selectedLine(frame()), /^›✖ AFAS-D3-QUOTA  équipement EQ-MA/);
  await press(KEY.escape);
  assert.match(frame(), '12/12 constat(s) · par article');
});

app('Esc while typing a search drops it', async () => {
  const { frame, press } = await open(REPORT);
  await press('/', 'U', '0', '0', '4');
  assert.is(findingLines(frame()).length, 1);
  await press(KEY.escape);
  assert.match(frame(), '12/12 constat(s)');
  assert.not.match(frame(), 'Recherche');
});

app('Enter opens the finding: message, title, clause and quote, evidence, remediation', async () => {
  const { frame, press } = await open(REPORT, { rows: 50 });
  await press('j', KEY.enter);
  const text = frame();
  assert.match(text, '✖ ERREUR  HAB-DEPARTED-USER  utilisateur U004');
  assert.match(text, "Habilitation active d'une personne partie");
  assert.match(text, 'Julie MARTIN (U004) est parti(e) le 31/03/2024 mais garde 1 habilitation(s)');
  assert.match(text, 'Convention (CONV) art. 9.2');
  assert.match(text, '« Ne pas affecter d’habilitations à des personnels qui ne devraient pas en');
  assert.match(text, 'Preuves (2)');
  assert.match(text, 'habilitations.csv:7 (habilitations)');
  assert.match(text, 'users.csv:5 (users)');
  assert.match(text, 'user_id: U004 · last_name: MARTIN · first_name: Julie');
  assert.match(text, 'À faire');
  assert.match(text, 'Clôturer sans attendre les habilitations de cette personne');
  assert.match(text, 'constat 2/12');
  assert.not.match(text, 'Dérogation');
  assertFits(text, 80, 50);
  await press(KEY.right);
  assert.match(frame(), '✖ ERREUR  HAB-NOT-PARTNER-STAFF');
  await press(KEY.escape);
  assert.match(selectedLine(frame()), /^›✖ HAB-NOT-PARTNER-STAFF/);
});

app('a long detail scrolls', async () => {
  const { frame, press } = await open(REPORT);
  await press(KEY.enter);
  await waitFor(() => frame().includes('lignes 1–'), frame);
  assert.match(frame(), /lignes 1–16 sur \d+/);
  assert.match(frame(), '✖ ERREUR  GOV-DEPUTY-MISSING');
  await press(KEY.down, 'j');
  assert.match(frame(), /lignes 3–18 sur \d+/);
  assert.not.match(frame(), '✖ ERREUR  GOV-DEPUTY-MISSING');
  await press(KEY.pageDown, KEY.pageDown);
  assert.match(frame(), 'empreinte bfb938ad14e98e382440c3f39d2983a1');
  assertFits(frame(), 80, 24);
});

app('a waived finding says so in the list and in its detail', async () => {
  const { frame, press } = await open(REPORT, { rows: 40 });
  await press('/', 'SECURITY', KEY.enter, KEY.enter);
  const text = frame();
  assert.match(text, '▲ AVERTISSEMENT [dérogation]  GOV-SECURITY-OFFICER-MISSING  partenaire 20003063…');
  assert.match(text, 'Dérogation : ce constat reste affiché mais il est compté à part');
});

app('a recommendation says it is not a contractual obligation', async () => {
  const { frame, press } = await open(REPORT, { rows: 40 });
  await press('/', 'BP-', KEY.enter, KEY.enter);
  assert.match(frame(), 'Recommandation : bonne pratique, hors obligations contractuelles.');
});

app('n lists the rules not evaluated and why', async () => {
  const { frame, press } = await open(REPORT, { rows: 40 });
  await press('n');
  const text = frame();
  assert.match(text, 'Règles non évaluées (2)');
  assert.match(text, '? CONV-OPENED-BEFORE-GDPR — Accès ouvert avant les formalités RGPD');
  assert.match(text, 'Convention (CONV) art. 17.1');
  assert.match(text, 'raison : clé « convention.gdpr_formalities_on » absente de partner.yaml');
  assert.match(text, '? HAB-GRANT-BEFORE-OPENING');
  assert.match(text, 'Règles sans objet (1)');
  assert.match(text, '– HAB-CHANGE-NOT-REPORTED');
  assert.match(text, 'raison : sans objet en mode délégué');
  await press(KEY.escape);
  assert.is(findingLines(frame()).length, 12);
});

app('1 2 3 hide and show errors, warnings and info', async () => {
  const { frame, press } = await open(REPORT, { rows: 40 });
  const symbols = () => new Set(findingLines(frame()).map((line) => line[1]));
  await press('1');
  assert.equal([...symbols()].sort(), ['ℹ', '▲']);
  assert.match(frame(), '5/12 constat(s) · masqués : ✖ · par article');
  assert.match(selectedLine(frame()), /^›▲ GOV-SECURITY-OFFICER-MISSING/);
  await press('2');
  assert.equal([...symbols()], ['ℹ']);
  await press('3');
  assert.is(findingLines(frame()).length, 0);
  assert.match(frame(), 'Aucun constat ne correspond aux filtres');
  await press('1', '2', '3');
  assert.is(findingLines(frame()).length, 12);
  assert.match(frame(), '12/12 constat(s) · par article');
});

app('? shows the help and Esc goes back', async () => {
  const { frame, press } = await open(REPORT, { rows: 40 });
  await press('?');
  assert.match(frame(), 'Aide');
  assert.match(frame(), /g\s+grouper par article ou par gravité/);
  assert.match(frame(), /1 2 3\s+erreurs \/ avertissements \/ informations/);
  await press(KEY.escape);
  assert.is(findingLines(frame()).length, 12);
});

app('q quits with the exit code of the non-interactive check', async () => {
  const { press, quits } = await open(REPORT, { exitCode: 1 });
  await press('j', 'q');
  assert.equal(quits, [1]);
});

app('q quits from the detail too, and Ctrl+C like q', async () => {
  const first = await open(REPORT, { exitCode: 0 });
  await first.press(KEY.enter, 'q');
  assert.equal(first.quits, [0]);
  first.unmount();
  const second = await open(REPORT, { exitCode: 1 });
  await second.press(KEY.ctrlC);
  assert.equal(second.quits, [1]);
});

app('a resized terminal re-renders to the new width', async () => {
  const { frame, resize } = await open(REPORT, { columns: 100 });
  assert.match(frame(), '─'.repeat(100));
  await resize(60, 20);
  assert.not.match(frame(), '─'.repeat(61));
  assert.match(frame(), '─'.repeat(60));
  assertFits(frame(), 60, 20);
  assert.match(selectedLine(frame()), /^›✖ GOV-DEPUTY-MISSING  partenaire/);
});

app('loading shows each file and its rows, then the evaluation', async () => {
  let progress: ((event: FileProgress) => void) | undefined;
  let finish: ((report: Report) => void) | undefined;
  const load = (onProgress: (event: FileProgress) => void) =>
    new Promise<Report | undefined>((resolve) => {
      progress = onProgress;
      finish = resolve;
    });
  const { frame } = await open(undefined, { load, readyText: 'Lecture de l’instantané' });
  progress!({ file: 'users.csv', rows: 120, done: true });
  progress!({ file: 'traces.csv', rows: 10_000, done: false });
  await tick();
  assert.match(frame(), /✓ users\.csv\s+120 ligne\(s\)/);
  assert.match(frame(), /… traces\.csv\s+10\s000 ligne\(s\)/u);
  progress!({ file: 'traces.csv', rows: 420_000, done: false });
  await tick();
  assert.match(frame(), /… traces\.csv\s+420\s000 ligne\(s\)/u);
  assert.not.match(frame(), 'Évaluation');
  progress!({ file: 'traces.csv', rows: 1_000_000, done: true });
  await tick();
  assert.match(frame(), /✓ traces\.csv\s+1\s000\s000 ligne\(s\)/u);
  assert.match(frame(), 'Évaluation des règles…');
  finish!(REPORT);
  await waitFor(() => frame().includes('GOV-DEPUTY-MISSING'), frame);
});

app('invalid input ends the app with exit code 2', async () => {
  const { quits, frame } = await open(undefined, { load: async () => undefined });
  await waitFor(() => quits.length > 0, frame);
  assert.equal(quits, [2]);
});

app('a report without findings says so', async () => {
  const empty: Report = { ...REPORT, findings: [], summary: { ...REPORT.summary, error: 0, warning: 0, info: 0, waived: 0 } };
  const { frame, press } = await open(empty);
  assert.match(frame(), 'Aucun manquement constaté.');
  await press(KEY.enter, KEY.down, '/', 'x', KEY.enter);
  assert.match(frame(), '0/0 constat(s) · filtre « x »');
});

app('English words with --lang en', async () => {
  const { frame, press } = await open(REPORT, { lang: 'en', rows: 40 });
  assert.match(frame(), 'SIRET 20003063300198 · as of 2024-06-30 · delegated mode');
  assert.match(frame(), 'rules: 10 failed · 16 passed · 2 not evaluated · 1 waived');
  assert.match(frame(), 'Recommendations (not contractual) (1)');
  await press('g');
  assert.match(frame(), '✖ Errors (7)');
  await press(KEY.enter);
  assert.match(frame(), 'Evidence (1)');
});

app.run();
