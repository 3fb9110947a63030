import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../src/report/report-types.js';
import type { Waiver } from '../../src/waivers/waiver.js';
import { applyWaivers } from '../../src/waivers/apply-waivers.js';
import { exitCodeFor } from '../../src/report/exit-code.js';
import { formatJson } from '../../src/format/check/format-json.js';
import { formatText } from '../../src/format/check/format-text.js';
import { formatMarkdown } from '../../src/format/check/format-markdown.js';
import { formatSarif } from '../../src/format/check/format-sarif.js';
import { formatJunit } from '../../src/format/check/format-junit.js';
import { ca2cReport } from '../format/ca2c-report.js';

const apply = suite('waivers: applying them to a report');

const waiver = (fields: Partial<Waiver> & Pick<Waiver, 'rule'>): Waiver => ({
  reason: 'accepté',
  approvedBy: 'Caf du Nord',
  expiresOn: '2024-12-31',
  file: 'waivers.yaml',
  line: 2,
  column: 5,
  ...fields,
});
const ofRule = (report: Report, id: string) => report.findings.filter((finding) => finding.ruleId === id);
const statusOf = (report: Report, id: string) => report.rules.find((rule) => rule.id === id)?.status;

apply('without subject, a waiver covers every finding of its rule; counted as waived, not by severity', async () => {
  const report = await ca2cReport();
  const contacts = ofRule(report, 'GOV-CONTACT-INCOMPLETE');
  assert.ok(contacts.length >= 2);
  const waived = applyWaivers(report, [waiver({ rule: 'GOV-CONTACT-INCOMPLETE', reason: 'numéro corrigé' })], 'fr');
  assert.ok(ofRule(waived, 'GOV-CONTACT-INCOMPLETE').every((finding) => finding.waived && finding.waiver?.reason === 'numéro corrigé'));
  assert.is(waived.findings.length, report.findings.length, 'waived findings are still reported');
  assert.is(waived.summary.warning, report.summary.warning - contacts.length);
  assert.is(waived.summary.waived, contacts.length);
  assert.is(statusOf(waived, 'GOV-CONTACT-INCOMPLETE'), 'waived');
  assert.is(waived.summary.rulesWaived, 1);
  assert.is(waived.summary.rulesFailed, report.summary.rulesFailed - 1);
  // Covering several findings without naming them is allowed, and shown for review.
  assert.equal(
    waived.notices?.map((notice) => [notice.code, notice.severity, notice.line, notice.message]),
    [
      [
        'waiver-broad',
        'warning',
        2,
        `Dérogation GOV-CONTACT-INCOMPLETE accordée par Caf du Nord sans sujet : elle couvre ${contacts.length} constats ; nommer le sujet de chacun (subject) pour qu’aucun autre ne passe inaperçu.`,
      ],
    ],
  );
});

apply('a waiver without subject that covers a single finding is no notice', async () => {
  const report = await ca2cReport();
  assert.is(ofRule(report, 'GOV-DEPUTY-MISSING').length, 1);
  assert.equal(applyWaivers(report, [waiver({ rule: 'GOV-DEPUTY-MISSING' })], 'fr').notices, []);
});

apply('an expiry beyond the horizon after the as-of date: a warning notice, the waiver still applies', async () => {
  const report = await ca2cReport();
  assert.is(report.asOf, '2024-06-30');
  const atHorizon = applyWaivers(report, [waiver({ rule: 'GOV-DEPUTY-MISSING', expiresOn: '2025-06-30' })], 'fr');
  assert.equal(atHorizon.notices, [], 'one year after the as-of date is within the default horizon');
  const beyond = applyWaivers(report, [waiver({ rule: 'GOV-DEPUTY-MISSING', expiresOn: '9999-12-31', line: 7 })], 'fr');
  assert.is(ofRule(beyond, 'GOV-DEPUTY-MISSING')[0].waived, true);
  assert.equal(beyond.notices, [
    {
      code: 'waiver-beyond-horizon',
      severity: 'warning',
      message:
        'Dérogation GOV-DEPUTY-MISSING accordée par Caf du Nord jusqu’au 31/12/9999 : au-delà de l’horizon de 1 an après le 30/06/2024 (au plus tard le 30/06/2025) ; elle s’applique, mais sa durée est à revoir.',
      file: 'waivers.yaml',
      line: 7,
      column: 5,
      rule: 'GOV-DEPUTY-MISSING',
      approvedBy: 'Caf du Nord',
      expiresOn: '9999-12-31',
    },
  ]);
  // `waivers.max_horizon` of --config: six months.
  const shorter = applyWaivers(report, [waiver({ rule: 'GOV-DEPUTY-MISSING', subject: ofRule(report, 'GOV-DEPUTY-MISSING')[0].subject.id, expiresOn: '2025-01-01' })], 'en', 'P6M');
  assert.equal(shorter.notices?.map((notice) => notice.message), [
    'Waiver GOV-DEPUTY-MISSING (subject 20003063300198) approved by Caf du Nord until 2025-01-01: beyond the 6 months horizon after 2024-06-30 (at the latest 2024-12-30); it applies, but its term should be reviewed.',
  ]);
});

apply('the new notices in every format: JSON, text, Markdown, SARIF at the waiver line, JUnit', async () => {
  const report = await ca2cReport();
  const waived = applyWaivers(report, [waiver({ rule: 'GOV-CONTACT-INCOMPLETE', expiresOn: '2030-01-01', line: 12 })], 'fr');
  assert.equal(waived.notices?.map((notice) => notice.code), ['waiver-beyond-horizon', 'waiver-broad']);
  assert.equal(JSON.parse(formatJson(waived)).notices.map((notice: { code: string; line: number }) => [notice.code, notice.line]), [
    ['waiver-beyond-horizon', 12],
    ['waiver-broad', 12],
  ]);
  assert.match(formatText(waived, { lang: 'fr' }), 'Dérogations à revoir (2)\n  ▲ waivers.yaml:12:5: Dérogation GOV-CONTACT-INCOMPLETE accordée par Caf du Nord jusqu’au 01/01/2030 : au-delà');
  assert.match(formatMarkdown(waived, { lang: 'fr' }), 'Dérogations à revoir (2)');
  const sarif = JSON.parse(formatSarif(waived, { lang: 'en' }));
  const results = sarif.runs[0].results.filter((result: { ruleId: string }) => result.ruleId.startsWith('vigie/'));
  assert.equal(results.map((result: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [result.ruleId, result.locations[0].physicalLocation.region.startLine]), [
    ['vigie/waiver-beyond-horizon', 12],
    ['vigie/waiver-broad', 12],
  ]);
  const rules = sarif.runs[0].tool.driver.rules.map((rule: { id: string; shortDescription: { text: string } }) => [rule.id, rule.shortDescription.text]);
  assert.ok(rules.some(([id, text]: [string, string]) => id === 'vigie/waiver-broad' && text === 'Waiver without a subject'));
  const junit = formatJunit(waived, { lang: 'fr' });
  assert.match(junit, 'classname="vigie.waiver-broad"');
  assert.match(junit, 'classname="vigie.waiver-beyond-horizon"');
});

apply('with a subject, only that finding; the rule still fails', async () => {
  const report = await ca2cReport();
  const [first, second] = ofRule(report, 'GOV-CONTACT-INCOMPLETE');
  const waived = applyWaivers(report, [waiver({ rule: 'GOV-CONTACT-INCOMPLETE', subject: first.subject.id })], 'fr');
  const [after1, after2] = ofRule(waived, 'GOV-CONTACT-INCOMPLETE');
  assert.is(after1.waived, true);
  assert.is(after2.waived, false);
  assert.is(after2.subject.id, second.subject.id);
  assert.is(statusOf(waived, 'GOV-CONTACT-INCOMPLETE'), 'failed');
});

apply('a subject as the reports word it matches, in either language, with or without its kind; so does the id with its codes', async () => {
  const report = await ca2cReport();
  const admin = ofRule(report, 'GOV-CONTACT-INCOMPLETE').find((finding) => finding.subject.id === 'administrator chuygen@caudresis-catesis.fr');
  assert.ok(admin, 'the CA2C administrator is an incomplete contact');
  assert.equal(admin!.subject.label, { fr: 'administrateur chuygen@caudresis-catesis.fr', en: 'administrator chuygen@caudresis-catesis.fr' });
  const written = [
    'administrateur chuygen@caudresis-catesis.fr',
    'interlocuteur administrateur chuygen@caudresis-catesis.fr',
    '  interlocuteur  administrateur chuygen@caudresis-catesis.fr ',
    'administrator chuygen@caudresis-catesis.fr',
    'interlocuteur administrator chuygen@caudresis-catesis.fr',
    'contact administrator chuygen@caudresis-catesis.fr',
  ];
  for (const subject of written) {
    for (const lang of ['fr', 'en'] as const) {
      const waived = applyWaivers(report, [waiver({ rule: 'GOV-CONTACT-INCOMPLETE', subject })], lang);
      const covered = ofRule(waived, 'GOV-CONTACT-INCOMPLETE').filter((finding) => finding.waived).map((finding) => finding.subject.id);
      assert.equal(covered, [admin!.subject.id], `${subject} (${lang})`);
      assert.equal(waived.notices, [], `${subject} (${lang})`);
    }
  }
  // The habilitation manager's words in English (« habilitation manager », not the code) name it too.
  const manager = applyWaivers(report, [waiver({ rule: 'GOV-CONTACT-INCOMPLETE', subject: 'habilitation manager chuygen@caudresis-catesis.fr' })], 'fr');
  assert.equal(ofRule(manager, 'GOV-CONTACT-INCOMPLETE').filter((finding) => finding.waived).map((finding) => finding.subject.id), ['habilitation_manager chuygen@caudresis-catesis.fr']);
  // Another role is another subject: nothing covered, and the waiver is reported as matching nothing.
  const other = applyWaivers(report, [waiver({ rule: 'GOV-CONTACT-INCOMPLETE', subject: 'administrateur suppléant chuygen@caudresis-catesis.fr' })], 'fr');
  assert.ok(ofRule(other, 'GOV-CONTACT-INCOMPLETE').every((finding) => !finding.waived));
  assert.equal(other.notices?.map((notice) => notice.code), ['waiver-unmatched']);
});

apply('expiry is judged at the as-of date: the waiver still applies on its expiry day, not the day after', async () => {
  const report = await ca2cReport();
  assert.is(report.asOf, '2024-06-30');
  const onTheDay = applyWaivers(report, [waiver({ rule: 'GOV-DEPUTY-MISSING', expiresOn: '2024-06-30' })], 'fr');
  assert.is(ofRule(onTheDay, 'GOV-DEPUTY-MISSING')[0].waived, true);
  assert.equal(onTheDay.notices, []);
  const dayBefore = applyWaivers(report, [waiver({ rule: 'GOV-DEPUTY-MISSING', expiresOn: '2024-06-29', line: 9 })], 'fr');
  assert.is(ofRule(dayBefore, 'GOV-DEPUTY-MISSING')[0].waived, false);
  assert.is(dayBefore.summary.error, report.summary.error);
  assert.equal(dayBefore.notices, [
    {
      code: 'waiver-expired',
      severity: 'warning',
      message: 'Dérogation GOV-DEPUTY-MISSING accordée par Caf du Nord expirée le 29/06/2024 : elle ne s’applique plus.',
      file: 'waivers.yaml',
      line: 9,
      column: 5,
      rule: 'GOV-DEPUTY-MISSING',
      approvedBy: 'Caf du Nord',
      expiresOn: '2024-06-29',
    },
  ]);
  // Long past by the machine's clock, yet in force at the snapshot's date.
  const past = applyWaivers({ ...report, asOf: '2020-01-01' }, [waiver({ rule: 'GOV-DEPUTY-MISSING', expiresOn: '2020-01-01' })], 'fr');
  assert.is(ofRule(past, 'GOV-DEPUTY-MISSING')[0].waived, true);
});

apply('waivers that match nothing, or name a rule the run does not have, are reported', async () => {
  const report = await ca2cReport();
  const waived = applyWaivers(
    report,
    [
      waiver({ rule: 'GOV-DEPUTY-MISSING', subject: 'nobody', line: 2 }),
      waiver({ rule: 'NO-SUCH-RULE', line: 8 }),
      waiver({ rule: 'GOV-DEPUTY-MISSING', line: 14 }),
    ],
    'en',
  );
  assert.equal(
    waived.notices?.map((notice) => [notice.code, notice.severity, notice.line, notice.message]),
    [
      ['waiver-unmatched', 'info', 2, 'Waiver GOV-DEPUTY-MISSING (subject nobody) approved by Caf du Nord (until 2024-12-31) matches no finding; remove it if the breach is fixed.'],
      ['waiver-unknown-rule', 'warning', 8, 'Waiver NO-SUCH-RULE approved by Caf du Nord: rule NO-SUCH-RULE is unknown or disabled, so the waiver covers nothing.'],
    ],
  );
});

apply('waiving every error makes the run pass; every format shows waivers and notices', async () => {
  const report = await ca2cReport();
  assert.is(exitCodeFor(report, 'error'), 1);
  // One waiver per error finding, naming its subject (a waiver without one covering several findings is a notice of its own).
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const errorRules = errors.map((finding) => finding.ruleId);
  const waivers = [...errors.map((finding) => waiver({ rule: finding.ruleId, subject: finding.subject.id })), waiver({ rule: 'GOV-SECURITY-OFFICER-MISSING', expiresOn: '2024-01-01', line: 40 })];
  const waived = applyWaivers(report, waivers, 'fr');
  assert.is(waived.summary.error, 0);
  assert.is(exitCodeFor(waived, 'error'), 0);
  assert.is(exitCodeFor(waived, 'warning'), 1);
  const json = JSON.parse(formatJson(waived));
  assert.is(json.notices[0].code, 'waiver-expired');
  assert.equal(json.findings.find((finding: { ruleId: string }) => finding.ruleId === errorRules[0]).waiver, {
    reason: 'accepté',
    approvedBy: 'Caf du Nord',
    expiresOn: '2024-12-31',
    file: 'waivers.yaml',
    line: 2,
  });
  const text = formatText(waived, { lang: 'fr' });
  assert.match(text, 'Dérogations à revoir (1)\n  ▲ waivers.yaml:40:5: Dérogation GOV-SECURITY-OFFICER-MISSING accordée par Caf du Nord expirée le 01/01/2024');
  assert.match(text, '    dérogation accordée par Caf du Nord jusqu’au 31/12/2024 : accepté (waivers.yaml:2)');
});

apply.run();
