import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../../src/report/report-types.js';
import { formatMarkdown } from '../../../src/format/check/format-markdown.js';
import { applyWaivers } from '../../../src/waivers/apply-waivers.js';
import { applyBaseline } from '../../../src/baseline/apply-baseline.js';
import { ca2cReport, CA2C } from '../ca2c-report.js';

const markdown = suite('format: Markdown');
const options = { lang: 'fr' as const, baseDir: process.cwd() };

markdown('counts, a table of findings with clause and evidence, rules not evaluated', async () => {
  const report = await ca2cReport();
  const text = formatMarkdown(report, options);
  const { summary } = report;
  assert.ok(text.startsWith(`### vigie — ${report.snapshot.partner}\n\nSIRET 20003063300198 · évaluation au 30/06/2024 · mode délégué · \`${CA2C}\`\n`), text.slice(0, 200));
  assert.match(text, '| Erreurs | Avertissements | Informations | Dérogations | Règles en échec | Règles respectées | Non évaluées |');
  assert.match(
    text,
    `| ${[summary.error, summary.warning, summary.info, summary.waived, summary.rulesFailed, summary.rulesPassed, summary.rulesNotEvaluated].join(' | ')} |`,
  );
  assert.match(text, `#### Constats (${report.findings.length})\n\n| Gravité | Règle | Clause | Sujet | Constat | Preuves |\n| --- | --- | --- | --- | --- | --- |\n`);
  const deputy = report.findings.find((finding) => finding.ruleId === 'GOV-DEPUTY-MISSING');
  assert.match(text, `| ✖ erreur | \`GOV-DEPUTY-MISSING\` | CONV art. 9.1 | partenaire 20003063300198 | ${deputy?.message} | \`partner.yaml:${deputy?.evidence[0].line}\` |`);
  assert.match(text, '- **CONV art. 9.1** (`GOV-DEPUTY-MISSING`) : « En mode délégué');
  const notEvaluated = report.rules.filter((rule) => rule.status === 'not_evaluated');
  assert.match(text, `#### Règles non évaluées (${notEvaluated.length})\n\n- \``);
  assert.match(text, '\n- `CONV-OPENED-BEFORE-GDPR` — clé « convention.gdpr\\_formalities\\_on » absente de partner.yaml\n');
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
});

markdown('cells cannot break the table or inject HTML', async () => {
  const report = await ca2cReport();
  const tricky: Report = { ...report, findings: [{ ...report.findings[0], message: 'a | b\nc <script>' }] };
  const row = formatMarkdown(tricky, options)
    .split('\n')
    .find((line) => line.includes(report.findings[0].ruleId) && line.startsWith('| '));
  assert.match(row ?? '', 'a \\| b<br>c &lt;script&gt;');
});

markdown('waivers, notices, baseline and resolved findings; English', async () => {
  const report = await ca2cReport('en');
  const waived = applyWaivers(
    report,
    [
      { rule: 'GOV-DEPUTY-MISSING', reason: 'deputy being named', approvedBy: 'Caf du Nord', expiresOn: '2024-12-31', file: 'waivers.yaml', line: 2, column: 5 },
      { rule: 'GOV-DEPUTY-MISSING', subject: 'nobody', reason: 'stale', approvedBy: 'Caf du Nord', expiresOn: '2024-12-31', file: 'waivers.yaml', line: 7, column: 5 },
    ],
    'en',
  );
  const compared = applyBaseline(waived, {
    findings: [
      ...report.findings.slice(1).map((finding) => ({ ruleId: finding.ruleId, fingerprint: finding.fingerprint })),
      { ruleId: 'AFAS-D2-QUOTA', fingerprint: 'gone', subject: { type: 'facility', id: 'EQ-CTG' }, message: 'too many D2' },
    ],
  });
  const text = formatMarkdown(compared, { lang: 'en', baseDir: process.cwd() });
  assert.match(text, 'Baseline: **1** new, ');
  assert.match(text, '| Severity | Rule | Clause | Subject | Finding | Evidence | Baseline |');
  assert.match(text, '~~✖ error~~ waived');
  assert.match(text, '*waived by Caf du Nord until 2024-12-31: deputy being named*');
  assert.match(text, '#### Waivers to review (1)\n\n- ℹ `waivers.yaml:7` — Waiver GOV-DEPUTY-MISSING (subject nobody) approved by Caf du Nord');
  assert.match(text, '#### Resolved since the baseline (1)\n\n- ✔ `AFAS-D2-QUOTA` — facility EQ-CTG : too many D2');
});

markdown.run();
