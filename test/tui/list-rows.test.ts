import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listRows, type ListRow } from '../../src/tui/list-rows.js';
import { REPORT } from './report-fixture.js';

const rows = suite('list-rows');

const describe = (list: readonly ListRow[]) => list.map((row) => (row.kind === 'heading' ? `# ${row.text}` : row.finding.ruleId));

rows('by source: contract order, one heading per article, recommendations last', () => {
  const list = listRows(REPORT.findings, { hidden: [], query: '' }, 'source', 'fr');
  assert.equal(describe(list), [
    '# Convention (CONV) art. 9.1',
    'GOV-DEPUTY-MISSING',
    '# Convention (CONV) art. 9.2',
    'HAB-DEPARTED-USER',
    'HAB-NOT-PARTNER-STAFF',
    'HAB-TECHNICAL-ACCOUNT',
    '# Contrat de services (CS) art. 2.2.2',
    'GOV-REVIEW-NOT-SENT',
    '# Contrat de services (CS) art. 5.1',
    'GOV-SECURITY-OFFICER-MISSING',
    "# Bulletin d'adhésion AFAS (AFAS) art. 1.1",
    'AFAS-D3-QUOTA',
    'AFAS-SCOPE-LEVEL',
    'AFAS-NO-APPROVER',
    "# Bulletin d'adhésion AFAS (AFAS) art. 1.21",
    'GOV-CONTACT-INCOMPLETE',
    'GOV-CONTACT-INCOMPLETE',
    '# Recommandations (hors obligations contractuelles)',
    'BP-SELF-APPROVAL',
  ]);
});

rows('by severity: errors, warnings, info; empty groups vanish', () => {
  const list = listRows(REPORT.findings, { hidden: ['warning'], query: '' }, 'severity', 'en');
  const headings = list.filter((row) => row.kind === 'heading');
  assert.equal(
    headings.map((row) => [row.text, row.count]),
    [
      ['Errors', 7],
      ['Info', 1],
    ],
  );
});

rows('the search ignores case and accents and looks at ID, subject and message', () => {
  const ids = (query: string) =>
    listRows(REPORT.findings, { hidden: [], query }, 'source', 'fr')
      .filter((row) => row.kind === 'finding')
      .map((row) => (row.kind === 'finding' ? `${row.finding.ruleId} ${row.finding.subject.id}` : ''));
  assert.equal(ids('hab-tech'), ['HAB-TECHNICAL-ACCOUNT U007']);
  assert.equal(ids('UTILISATEUR u008'), ['HAB-NOT-PARTNER-STAFF U008']);
  assert.equal(ids('cabinet conseil'), ['HAB-NOT-PARTNER-STAFF U008']);
  assert.equal(ids('Équipement eq-rpe'), ['AFAS-NO-APPROVER EQ-RPE']);
  assert.equal(ids('nothing like this'), []);
});

rows.run();
