import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../src/report/report-types.js';
import { redactReport } from '../../src/redact/redact-report.js';
import { applyWaivers } from '../../src/waivers/apply-waivers.js';
import { applyBaseline } from '../../src/baseline/apply-baseline.js';
import { formatNames, render } from '../../src/format/registry.js';
import { ca2cReport } from '../format/ca2c-report.js';
import { ca2cPersonalData, leaks } from './personal-data.js';

const redact = suite('redact: names and e-mails out of every output');
const KEY = Buffer.from('test key');

/** The CA2C report with a waiver approved by a named person and a baseline that remembers a departed user. */
async function reportWithEverything(): Promise<Report> {
  const report = await ca2cReport();
  const departed = report.findings.find((finding) => finding.ruleId === 'HAB-DEPARTED-USER');
  assert.ok(departed);
  const waived = applyWaivers(
    report,
    [
      { rule: 'GOV-DEPUTY-MISSING', reason: 'Demandé par Corynne HUYGEN', approvedBy: 'Sandrine LEFEBVRE', expiresOn: '2024-12-31', file: 'w.yaml', line: 2, column: 5 },
      { rule: 'GOV-CONTACT-INCOMPLETE', subject: 'administrator chuygen@caudresis-catesis.fr', reason: 'x', approvedBy: 'Karim DUBOIS', expiresOn: '2024-01-01', file: 'w.yaml', line: 8, column: 5 },
    ],
    'fr',
  );
  // The departed user's finding is gone from this run but the baseline still has it, evidence values and all.
  const withoutDeparted = { ...waived, findings: waived.findings.filter((finding) => finding !== departed) };
  return applyBaseline(withoutDeparted, { findings: [departed] });
}

redact('the sample does carry names and e-mails before redaction', async () => {
  const personal = ca2cPersonalData();
  for (const value of ['MARTIN', 'chuygen@caudresis-catesis.fr', '327750100', '10.20.1.15', '203.0.113.45']) assert.ok(personal.includes(value), value);
  const text = render('check', 'json', await reportWithEverything(), { lang: 'fr' });
  assert.ok(leaks(text, personal).length > 5, leaks(text, personal).join(', '));
});

redact('no name or e-mail of the CA2C sample is left in any format', async () => {
  const personal = ca2cPersonalData();
  const redacted = redactReport(await reportWithEverything(), KEY, 'fr');
  for (const format of formatNames('check')) {
    for (const lang of ['fr', 'en'] as const) {
      const output = render('check', format, redacted, { lang, baseDir: process.cwd() });
      assert.equal(leaks(output, personal), [], `${format} ${lang}`);
    }
  }
});

redact('user IDs, rule IDs, fingerprints and positions are kept; pseudonyms are stable', async () => {
  const report = await ca2cReport();
  const redacted = redactReport(report, KEY, 'fr');
  assert.equal(
    redacted.findings.map((finding) => [finding.ruleId, finding.fingerprint, finding.evidence.map((item) => `${item.file}:${item.line}`)]),
    report.findings.map((finding) => [finding.ruleId, finding.fingerprint, finding.evidence.map((item) => `${item.file}:${item.line}`)]),
  );
  const departed = redacted.findings.find((finding) => finding.ruleId === 'HAB-DEPARTED-USER');
  assert.match(departed?.message ?? '', /^Personne-[0-9a-f]{8} Personne-[0-9a-f]{8} \(U004\) est parti/);
  const user = departed?.evidence.find((item) => item.file === 'users.csv')?.values;
  assert.is(user?.user_id, 'U004');
  assert.match(String(user?.email), /^anon-[0-9a-f]{8}@redacted\.invalid$/);
  assert.ok(departed?.message.startsWith(`${user?.first_name} ${user?.last_name} `), 'one value, one pseudonym, everywhere');
  const contact = redacted.findings.find((finding) => finding.ruleId === 'GOV-CONTACT-INCOMPLETE');
  assert.match(contact?.subject.id ?? '', /^administrator anon-[0-9a-f]{8}@redacted\.invalid$/);
  assert.equal(redactReport(report, KEY, 'fr'), redacted, 'same key, same pseudonyms');
  const otherKey = redactReport(report, Buffer.from('another key'), 'fr');
  assert.is.not(otherKey.findings.find((finding) => finding.ruleId === 'HAB-DEPARTED-USER')?.message, departed?.message);
});

redact('IP addresses and phone numbers become pseudonyms in evidence values and messages', async () => {
  const report = await ca2cReport();
  const redacted = redactReport(report, KEY, 'fr');
  // Traces cited by HAB-ACCESS-AFTER-DEPARTURE and HAB-OUT-OF-SCOPE-ACCESS, from two origins.
  const traces = redacted.findings.flatMap((finding) => finding.evidence.filter((item) => item.file.endsWith('traces.csv')));
  const origins = new Set(traces.map((item) => item.values?.origin).filter((origin) => origin !== undefined));
  assert.is(origins.size, 2, [...origins].join(', '));
  for (const origin of origins) assert.match(String(origin), /^ip-[0-9a-f]{8}$/);
  const phones = redacted.findings.filter((finding) => finding.ruleId === 'GOV-CONTACT-INCOMPLETE' && /téléphone/.test(finding.message));
  assert.ok(phones.length > 0);
  for (const finding of phones) {
    const phone = finding.evidence.find((item) => item.values?.phone !== undefined)?.values?.phone;
    assert.match(String(phone), /^tel-[0-9a-f]{8}$/);
    assert.ok(finding.message.includes(`(${String(phone)})`), finding.message);
  }
  // Free text with an address no record declared: a skipped row's error, a rule's reason.
  const withText: Report = { ...report, skipped: [{ file: 'traces.csv', line: 9, errors: ['origine 192.0.2.7 refusée'] }] };
  assert.match(redactReport(withText, KEY, 'fr').skipped?.[0]?.errors[0] ?? '', /^origine ip-[0-9a-f]{8} refusée$/);
});

redact('a reading warning quoting a value of the file: its names and e-mails pseudonymized too', async () => {
  const report = await ca2cReport();
  const warning = { file: 'samples/ca2c-2023/users.csv', line: 1, column: 12, code: 'unknown-column', message: 'colonne « Corynne HUYGEN » inconnue', value: 'chuygen@caudresis-catesis.fr' };
  const redacted = redactReport({ ...report, inputs: { files: report.inputs!.files, warnings: [warning] } }, KEY, 'fr');
  const [shown] = redacted.inputs!.warnings;
  assert.not.match(`${shown.message} ${shown.value}`, /HUYGEN|chuygen/);
  assert.equal(redacted.inputs!.files, report.inputs!.files);
});

redact.run();
