import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildBilan } from '../../../src/bilan/build-bilan.js';
import { formatBilanMarkdown } from '../../../src/format/bilan/format-bilan-markdown.js';
import type { Report } from '../../../src/report/report-types.js';
import { ca2cReport, CA2C } from '../ca2c-report.js';
import { bilanFixture, fixtureBilan } from '../../bilan/bilan-fixtures.js';

const markdown = suite('bilan: Markdown');
const fr = { lang: 'fr' as const };

markdown('identification, synthesis per article, documents then articles in contract order, signatures', async () => {
  const report = await ca2cReport();
  const text = formatBilanMarkdown(buildBilan(report), fr);
  assert.ok(text.startsWith('# Bilan annuel de la convention « Mon Compte Partenaire »\n'), text.slice(0, 100));
  assert.match(text, `| Partenaire | **${report.snapshot.partner}** |\n| SIRET | 20003063300198 |\n| Situation au | 30/06/2024 |\n| Mode de gestion | mode délégué |\n| Données | \`${CA2C}\` |\n`);
  assert.match(text, '\n## Synthèse\n');
  assert.match(text, '| Article | Conformes | Non conformes | Non vérifiables | Constats |\n| --- | ---: | ---: | ---: | ---: |\n| CONV art. 3 |');
  const headings = text.split('\n').filter((line) => /^##? /.test(line));
  assert.equal(headings.slice(0, 5), [
    '# Bilan annuel de la convention « Mon Compte Partenaire »',
    '## Synthèse',
    '## Convention (CONV)',
    '## Contrat de services (CS)',
    "## Bulletin d'adhésion AFAS (AFAS)",
  ]);
  assert.equal(headings.slice(-2), ['## Recommandations (hors obligations contractuelles)', '## Signatures']);
  const conv = text.slice(text.indexOf('## Convention (CONV)'), text.indexOf('## Contrat de services (CS)'));
  assert.ok(conv.indexOf('### Article 9.1') < conv.indexOf('### Article 9.2') && conv.indexOf('### Article 9.2') < conv.indexOf('### Article 14'));
  // The status is said of the obligation, in the table's « Obligation » column; the breach heads the findings.
  assert.match(text, '| Statut | Obligation | Constats |');
  assert.match(text, '| ✖ Non conforme | `GOV-DEPUTY-MISSING` Administrateur suppléant désigné | 1 |');
  assert.match(text, '#### ✖ `GOV-DEPUTY-MISSING` — Aucun administrateur suppléant désigné\n');
  assert.match(text, "| ✔ Conforme | `HAB-SERVICE-NOT-SUBSCRIBED` Habilitations sur les seuls services souscrits | 0 |");
  // No « Conforme » stands beside a breach title.
  for (const rule of report.rules) {
    assert.not.match(text, `Conforme | \`${rule.id}\` ${rule.title} |`, rule.id);
    assert.not.match(text, `Non vérifiable | \`${rule.id}\` ${rule.title}`, rule.id);
  }
  assert.match(text, '| – Conforme (sans objet) | `HAB-CHANGE-NOT-REPORTED`');
  const notVerifiable = report.rules.find((rule) => rule.status === 'not_evaluated');
  assert.ok(notVerifiable);
  assert.match(text, `| ? Non vérifiable | \`${notVerifiable?.id}\``);
  // A finding with its clause, subject, message, evidence file:line and what to do.
  assert.match(text, '#### ✖ `HAB-DEPARTED-USER` — ');
  assert.match(text, '- ✖ **erreur** · utilisateur U004 — Julie MARTIN (U004) est parti(e)');
  assert.match(text, '  - Preuves : `habilitations.csv:7`, `users.csv:5`\n  - À faire : ');
  assert.match(text, '`partner.yaml:25 (contacts)`');
  assert.match(text, '| Pour la Caf — superviseur | Pour le partenaire — représentant |\n| --- | --- |\n| Nom : | Nom : |\n| Qualité : | Qualité : |\n| Date : | Date : |\n');
  assert.ok(text.endsWith('.*\n'));
  assert.is.not(text.includes('\n\n\n'), true);
});

markdown('--previous: trend per article (then → now), new findings marked, resolved ones listed', async () => {
  const text = formatBilanMarkdown(await fixtureBilan(), fr);
  assert.match(text, `| Bilan précédent | \`${bilanFixture('2023')}\`, situation au 30/06/2023 |`);
  assert.match(text, 'Depuis le bilan précédent : 1 constat(s) apparu(s), 1 résolu(s), 1 persistant(s).');
  assert.match(text, '| Article | Conformes | Non conformes | Non vérifiables | Constats (avant → maintenant) |');
  assert.match(text, '| CONV art. 9.2 | 3 | 1 | 6 | 0 → 1 |');
  assert.match(text, '| AFAS art. 1.1 | 8 | 0 | 0 | 1 → 0 |');
  assert.match(text, '| **Total** | **27** | **2** | **26** | **2 → 2** |');
  assert.match(text, '- ✖ **erreur** · utilisateur U003 · *nouveau* — ');
  assert.match(text, '- ▲ **avertissement** · partenaire 21590999900017 · *déjà relevé* — ');
  assert.match(text, '| ✔ Conforme | `AFAS-D3-QUOTA` Un approbateur des données (D3) au plus par équipement | 0 | non conforme, 1 constat(s) |');
  // A compliant rule whose details list only last year's findings, resolved, is headed by its obligation.
  assert.match(text, '#### ✔ `AFAS-D3-QUOTA` — Un approbateur des données (D3) au plus par équipement\n');
  assert.match(text, "Résolus depuis le bilan précédent :\n\n- ✔ `AFAS-D3-QUOTA` · équipement EQ-A — 2 approbateurs (D3) actifs sur l'équipement EQ-A ; 1 au plus.");
});

markdown('English on request', async () => {
  const text = formatBilanMarkdown(await fixtureBilan('en'), { lang: 'en' });
  assert.ok(text.startsWith('# Annual review of the « Mon Compte Partenaire » convention\n'));
  assert.match(text, '| As of | 2024-06-30 |');
  assert.match(text, 'Since the previous review: 1 finding(s) appeared, 1 resolved, 1 persisting.');
  assert.match(text, '## Service contract (CS)');
  assert.match(text, '  - Evidence: `habilitations.csv:4`, `users.csv:4`');
  assert.match(text, '| Name: | Name: |');
});

markdown('data cannot inject Markdown or HTML', async () => {
  const report = await ca2cReport();
  const tricky: Report = {
    ...report,
    snapshot: { ...report.snapshot, partner: '<script>alert(1)</script> | **x**' },
    findings: report.findings.map((finding, index) => (index === 0 ? { ...finding, message: 'a | b\n<img src=x onerror=alert(1)>' } : finding)),
  };
  const text = formatBilanMarkdown(buildBilan(tricky), fr);
  assert.not.match(text, '<script>');
  assert.not.match(text, '<img');
  assert.match(text, '&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*x\\*\\*');
  assert.match(text, 'a \\| b<br>&lt;img src=x onerror=alert(1)&gt;');
});

markdown('deterministic: the same reports give the same text', async () => {
  const [a, b] = [formatBilanMarkdown(await fixtureBilan(), fr), formatBilanMarkdown(await fixtureBilan(), fr)];
  assert.is(a, b);
});

markdown.run();
