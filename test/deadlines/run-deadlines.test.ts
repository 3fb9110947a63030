import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runDeadlines } from '../../src/deadlines/run-deadlines.js';
import type { DeadlinesReport } from '../../src/deadlines/deadline-types.js';

const FIXTURE = 'test/fixtures/deadlines/fin-de-mois';
const WAIVERS = 'test/fixtures/deadlines/waivers.yaml';

const deadlines = suite('deadlines of a snapshot');

async function reportOf(path: string, options: Partial<Parameters<typeof runDeadlines>[1]> = {}): Promise<DeadlinesReport> {
  const outcome = await runDeadlines(path, { lang: 'fr', ...options });
  if (outcome.kind !== 'report') throw new Error(JSON.stringify(outcome.errors));
  return outcome.report;
}

const rows = (list: DeadlinesReport['deadlines']) => list.map((deadline) => `${deadline.date} ${deadline.kind} ${deadline.subject.id}`);

deadlines('every kind, by date, from the month-end fixture (D = extracted_on 2024-01-15)', async () => {
  const report = await reportOf(FIXTURE, { waivers: WAIVERS });
  assert.is(report.asOf, '2024-01-15');
  assert.equal(rows(report.deadlines), [
    '2024-01-20 escalation_due INC-1', // opened 2024-01-10 + P10D
    '2024-02-29 termination_notice 21590123400017', // 2024-05-31 − P3M, clamped to the leap day
    '2024-02-29 review_due 21590123400017', // R-2023 of 2023-02-28 still covers 2024-02-29 (R-2024 is after D)
    '2024-02-29 subcontractor_start S-1', // notified 2023-08-31 + P6M, clamped
    '2024-03-31 waiver_expiry GOV-DEPUTY-MISSING',
    '2024-05-31 convention_anniversary 21590123400017', // 2022-05-31 + 2 × P1Y
    '2024-06-30 bilan_due 21590123400017', // B-2023 of 2023-06-30 + P1Y
    '2024-06-30 subcontractor_start S-2', // notified 2023-12-31 + P6M, clamped
  ]);
  assert.equal(rows(report.overdue), ['2023-12-11 escalation_due INC-2', '2023-12-31 waiver_expiry HAB-UNUSED U9']);
  assert.equal(report.notComputed, []);
});

deadlines('each deadline cites its rule, its clause and the records it comes from', async () => {
  const report = await reportOf(FIXTURE);
  const byKind = new Map(report.deadlines.map((deadline) => [deadline.kind, deadline]));
  const review = byKind.get('review_due')!;
  assert.is(review.ruleId, 'GOV-REVIEW-OVERDUE');
  assert.equal([review.source?.document, review.source?.article], ['CS', '2.2.2']);
  assert.equal(review.evidence.map((item) => `${item.file}:${item.line}`), ['reviews.csv:3']);
  assert.match(review.detail, 'R-2023');
  const anniversary = byKind.get('convention_anniversary')!;
  assert.is(anniversary.ruleId, undefined);
  assert.equal([anniversary.source?.document, anniversary.source?.article], ['CONV', '17.1']);
  assert.ok(anniversary.evidence.some((item) => item.path === 'convention.signed_on' && item.line === 8));
  const notice = byKind.get('termination_notice')!;
  assert.is(notice.ruleId, 'CONV-TERMINATION-NOTICE-SHORT');
  assert.is(notice.title, 'Dernier jour de réception d’une résiliation au 31/05/2024');
  const early = report.deadlines.find((deadline) => deadline.subject.id === 'S-2')!;
  assert.match(early.detail, 'début prévu le 01/03/2024, avant cette date');
  const urgent = report.overdue.find((deadline) => deadline.subject.id === 'INC-2')!;
  assert.match(urgent.detail, 'urgent');
});

deadlines('--as-of moves D: past anniversaries give way to the next ones', async () => {
  const report = await reportOf(FIXTURE, { asOf: '2024-03-01' });
  const kinds = new Map(report.deadlines.map((deadline) => [deadline.kind, deadline.date]));
  assert.is(kinds.get('convention_anniversary'), '2024-05-31');
  // Too late to end on 2024-05-31: the next termination is for 2025-05-31.
  assert.is(kinds.get('termination_notice'), '2025-02-28');
  // R-2024 (2024-02-01) now counts.
  assert.is(kinds.get('review_due'), '2025-02-01');
});

deadlines('the delays are the rules’ parameters: --config moves the deadlines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-deadlines-'));
  try {
    const config = join(dir, 'vigie.config.yaml');
    writeFileSync(config, 'rules:\n  INC-ESCALATION-DUE: {params: {delay: P15D}}\n  SUB-NOTICE-SHORT: {enabled: false}\n');
    const report = await reportOf(FIXTURE, { config });
    assert.ok(rows(report.deadlines).includes('2024-01-25 escalation_due INC-1'));
    assert.not.ok(report.deadlines.some((deadline) => deadline.kind === 'subcontractor_start'));
    assert.equal(report.notComputed, [{ kind: 'subcontractor_start', ruleId: 'SUB-NOTICE-SHORT', reason: 'règle SUB-NOTICE-SHORT désactivée ou inconnue' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

deadlines('a deadline follows its rule: not applicable in centralised mode, not computed without its table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-deadlines-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    const partner = join(dir, 'partner.yaml');
    writeFileSync(partner, readFileSync(partner, 'utf8').replace('management_mode: delegated', 'management_mode: centralised').replace('tacit_renewal: true', 'tacit_renewal: false'));
    rmSync(join(dir, 'meetings.csv'));
    const report = await reportOf(dir, { lang: 'en' });
    const reasons = new Map(report.notComputed.map((item) => [item.kind, item.reason]));
    assert.match(reasons.get('review_due') ?? '', 'centralised');
    assert.match(reasons.get('bilan_due') ?? '', 'meetings');
    // Without tacit renewal, the convention simply ends: no renewal, no termination letter to send.
    const convention = report.deadlines.filter((deadline) => deadline.kind === 'convention_anniversary' || deadline.kind === 'termination_notice');
    assert.equal(convention, []);
    // Its one-year term ended on 31/05/2023: the escalation rule no longer applies, and its deadline follows.
    assert.match(reasons.get('escalation_due') ?? '', 'the convention ended on 2023-06-01');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

deadlines('without any review yet, the first is due a period after access opened', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-deadlines-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'reviews.csv'), 'review_id,performed_on\n');
    writeFileSync(join(dir, 'partner.yaml'), readFileSync(join(dir, 'partner.yaml'), 'utf8').replace('access_opened_on: 2022-06-15', 'access_opened_on: 2023-08-31'));
    const report = await reportOf(dir);
    const review = report.deadlines.find((deadline) => deadline.kind === 'review_due')!;
    assert.is(review.date, '2024-08-31');
    assert.equal(review.evidence.map((item) => item.path), ['convention.access_opened_on']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

deadlines('a convention terminated before D has no anniversary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-deadlines-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'partner.yaml'), readFileSync(join(dir, 'partner.yaml'), 'utf8').replace('terminated_on: null', 'terminated_on: 2023-12-31'));
    const report = await reportOf(dir);
    assert.not.ok(report.deadlines.some((deadline) => deadline.kind === 'convention_anniversary'));
    assert.equal(
      report.notComputed.map((item) => `${item.kind}: ${item.reason}`),
      [
        'convention_anniversary: convention résiliée le 31/12/2023',
        'termination_notice: convention résiliée le 31/12/2023',
        'escalation_due: sans objet : la convention a pris fin le 31/12/2023',
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

deadlines('invalid input: errors with file:line:column, no report', async () => {
  const outcome = await runDeadlines('test/fixtures/bad-inputs/impossible-date', { lang: 'fr' });
  assert.is(outcome.kind, 'invalid');
  if (outcome.kind === 'invalid') assert.match(outcome.errors[0].file, 'test/fixtures/bad-inputs/impossible-date/habilitations.csv');
  const waivers = await runDeadlines(FIXTURE, { lang: 'fr', waivers: 'test/waivers/fixtures/bad-date.yaml' });
  assert.is(waivers.kind, 'invalid');
});

deadlines.run();
