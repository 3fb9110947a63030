import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPortfolioText } from '../../../src/format/portfolio/format-portfolio-text.js';
import { formatPortfolioMarkdown } from '../../../src/format/portfolio/format-portfolio-markdown.js';
import { formatJsonPortfolio } from '../../../src/format/check/format-json.js';
import type { PortfolioEntry } from '../../../src/report/portfolio-types.js';
import type { Finding, Report } from '../../../src/report/report-types.js';
import { VERSION } from '../../../src/util/version.js';

function report(partner: string, path: string, error: number, warning: number, notEvaluated: number, findings: Partial<Finding>[], waived = 0): Report {
  return {
    tool: { name: 'vigie', version: VERSION },
    asOf: '2024-06-30',
    snapshot: { path, partner },
    summary: { error, warning, info: 0, waived, rulesFailed: 0, rulesPassed: 0, rulesNotEvaluated: notEvaluated, rowsSkipped: 0 },
    findings: findings as Finding[],
    rules: [],
  };
}

const entries: PortfolioEntry[] = [
  report('Ville de Là', 'lots/la', 2, 1, 3, [
    { ruleId: 'GOV-DEPUTY-MISSING', severity: 'error', waived: false },
    { ruleId: 'HAB-DEPARTED-USER', severity: 'error', waived: false },
    { ruleId: 'HAB-DEPARTED-USER', severity: 'error', waived: false },
  ]),
  report('Bourg', 'lots/bourg.json', 0, 0, 0, []),
  { snapshot: { path: 'lots/cassé' }, errors: [{ file: 'lots/cassé/users.csv', line: 2, column: 2, code: 'invalid-date', message: 'date impossible', value: '31/02/2024' }] },
];

const format = suite('portfolio views');

format('text: an aligned table, numbers right-aligned, invalid snapshots apart, a total', () => {
  assert.is(
    formatPortfolioText(entries, { lang: 'fr' }),
    [
      `vigie ${VERSION} — portefeuille de 3 instantané(s)`,
      '',
      'Partenaire   Erreurs  Avertissements  Non évaluées  Règle la plus grave      Au          Instantané',
      'Ville de Là        2               1             3  ✖ HAB-DEPARTED-USER (2)  30/06/2024  lots/la',
      'Bourg              0               0             0  —                        30/06/2024  lots/bourg.json',
      '',
      'Instantanés invalides (1)',
      '  les erreurs sont écrites sur la sortie d’erreur, au format FICHIER:LIGNE:COLONNE',
      '  ✖ lots/cassé — 1 erreur(s) de données',
      '',
      'Total : 3 partenaire(s) · 1 avec erreurs · 0 avec avertissements seulement · 1 sans constat · 1 invalide(s)',
      '',
    ].join('\n'),
  );
});

format('text: colours on a terminal do not shift the columns', () => {
  const plain = formatPortfolioText(entries, { lang: 'en' });
  const coloured = formatPortfolioText(entries, { lang: 'en', color: true });
  assert.match(coloured, '\u001b[31m2\u001b[39m');
  assert.is(coloured.replace(/\u001b\[\d+m/g, ''), plain);
});

format('a waivers column appears when a partner has waived findings', () => {
  const waived = [report('Ville', 'v', 0, 0, 0, [{ ruleId: 'X-Y', severity: 'error', waived: true }], 1)];
  assert.match(formatPortfolioText(waived, { lang: 'fr' }), /Non évaluées  Dérogations  Règle la plus grave/);
});

format('Markdown: a table, the invalid snapshot with its errors', () => {
  const markdown = formatPortfolioMarkdown(entries, { lang: 'fr' });
  assert.match(markdown, '| Ville de Là | 2 | 1 | 3 | ✖ `HAB-DEPARTED-USER (2)` | 30/06/2024 | `lots/la` |');
  assert.match(markdown, '#### Instantanés invalides (1)\n\n- `lots/cassé` — 1 erreur(s) de données\n  - `lots/cassé/users.csv:2:2: date impossible (31/02/2024)`');
});

format('JSON: the entries in the given order, a broken one as {tool, snapshot, errors}', () => {
  const { partners } = JSON.parse(formatJsonPortfolio(entries));
  assert.equal(partners.map((partner: { snapshot: { path: string } }) => partner.snapshot.path), ['lots/la', 'lots/bourg.json', 'lots/cassé']);
  assert.equal(partners[2], {
    tool: { name: 'vigie', version: VERSION },
    snapshot: { path: 'lots/cassé' },
    errors: [{ file: 'lots/cassé/users.csv', line: 2, column: 2, code: 'invalid-date', message: 'date impossible', value: '31/02/2024' }],
  });
});

format('an invalid snapshot past a file’s cap: its errors counted whole, text, Markdown and JSON', () => {
  const capped: PortfolioEntry[] = [
    {
      snapshot: { path: 'lots/cassé' },
      errors: [
        { file: 'lots/cassé/traces.csv', line: 2, column: 1, code: 'invalid-timestamp', message: 'horodatage invalide', value: 'x' },
        { file: 'lots/cassé/traces.csv', line: 0, column: 0, code: 'more-errors', message: '… et 4 autres erreurs dans lots/cassé/traces.csv', count: 4 },
      ],
    },
  ];
  assert.match(formatPortfolioText(capped, { lang: 'fr' }), 'lots/cassé — 5 erreur(s) de données');
  const markdown = formatPortfolioMarkdown(capped, { lang: 'fr' });
  assert.match(markdown, '- `lots/cassé` — 5 erreur(s) de données\n  - `lots/cassé/traces.csv:2:1: horodatage invalide (x)`\n  - … et 4 autre(s)');
  const { partners } = JSON.parse(formatJsonPortfolio(capped));
  assert.is(partners[0].errors.length, 1);
  assert.equal(partners[0].truncated, { 'lots/cassé/traces.csv': 4 });
});

format('text: a partner name with controls is shown and keeps the columns aligned, even in colour', () => {
  const hostile = [report('Ville\u001b]0;pwned\u0007\nde \u202ELà', 'lots/la', 2, 0, 0, [{ ruleId: 'GOV-DEPUTY-MISSING', severity: 'error', waived: false }]), entries[1]];
  const text = formatPortfolioText(hostile, { lang: 'fr', color: true });
  assert.not.match(text, '\u0007');
  assert.not.match(text, '\u001b]');
  assert.not.match(text, '\u202E');
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const row = lines.find((line) => line.startsWith('Ville'))!;
  assert.ok(row.startsWith('Ville␛]0;pwned␇⏎de ⟨U+202E⟩Là  '), row);
  // The header, both rows: the errors column starts at one offset in each.
  const bourg = lines.find((line) => line.startsWith('Bourg'))!;
  assert.is(bourg.search(/ 0 /), row.search(/ 2 /), `${row}\n${bourg}`);
});

format.run();
