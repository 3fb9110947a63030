import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { collectLastActivity } from '../../src/review/last-activity.js';
import type { DataRecord, Table } from '../../src/snapshot/snapshot-types.js';
import { BASIC, reviewOf } from './review-fixture.js';

const review = suite('review: one row per grant active at D');

review('only grants active at D, sorted by user (U2 before U10), profile, scope', async () => {
  const list = await reviewOf();
  assert.is(list.asOf, '2024-06-30');
  // Left out: revoked before D (U3), revoked on D itself (U1 D4: revoked_on is the first day without), granted after D (U4).
  assert.equal(
    list.rows.map((row) => `${row.userId} ${row.profile} ${row.scopeLevel} ${row.scopeId}`),
    ['U1 D1 facility F1', 'U1 D3 facility F1', 'U2 D1 site S1', 'U5 D4 facility F2', 'U10 D2 facility F2'],
  );
  const u1 = list.rows[1];
  assert.equal(
    { name: `${u1.firstName} ${u1.lastName}`, function: u1.function, label: u1.profileLabel, scope: u1.scopeName, since: u1.grantedOn, source: u1.source },
    { name: 'Claire DUPONT', function: 'Directrice', label: 'Approbateur des données', scope: 'Crèche Les Lutins', since: '2023-01-01', source: { file: 'habilitations.csv', line: 3 } },
  );
  assert.is(list.rows[2].scopeName, 'Mairie');
  assert.is(list.rows[3].lastName, undefined, 'U5 is not in users');
  assert.is(list.administrator, 'Claire DUPONT');
});

review('last activity: on the scope, else on the account, in Paris days, never after D', async () => {
  const rows = new Map((await reviewOf()).rows.map((row) => [`${row.userId} ${row.profile}`, row]));
  // U1 acted on F1 on 1 June, elsewhere on 20 June, and on F1 again after D.
  assert.equal([rows.get('U1 D3')?.lastActivity, rows.get('U1 D3')?.activityBasis], ['2024-06-01', 'scope']);
  // U2's site S1 holds F1 and F2; 30/06 23:30 in Paris is still D, 01/07 00:10 is not.
  assert.equal([rows.get('U2 D1')?.lastActivity, rows.get('U2 D1')?.activityBasis], ['2024-06-30', 'scope']);
  // U10 holds F2 but only acted on F1.
  assert.equal([rows.get('U10 D2')?.lastActivity, rows.get('U10 D2')?.activityBasis], ['2024-04-03', 'account']);
  assert.equal([rows.get('U5 D4')?.lastActivity, rows.get('U5 D4')?.activityBasis], [undefined, 'none']);
});

review('an earlier --as-of moves D: other grants, activity up to that day', async () => {
  const list = await reviewOf(BASIC, 'fr', '2023-12-31');
  assert.equal(
    list.rows.map((row) => `${row.userId} ${row.profile}`),
    ['U1 D1', 'U1 D3', 'U1 D4', 'U2 D1', 'U3 D4', 'U10 D2'],
  );
  assert.ok(list.rows.every((row) => row.activityBasis === 'none'));
});

review('findings touching a grant: its row in the evidence, or its holder as subject', async () => {
  const rows = new Map((await reviewOf()).rows.map((row) => [`${row.userId} ${row.profile}`, row]));
  assert.equal(rows.get('U1 D1')?.findings, ['BP-SELF-APPROVAL']);
  assert.equal(rows.get('U5 D4')?.findings, ['HAB-UNKNOWN-USER']);
  assert.equal(rows.get('U10 D2')?.findings, ['AFAS-NO-APPROVER', 'HAB-OUT-OF-SCOPE-ACCESS']);
  assert.equal(rows.get('U2 D1')?.findings, []);
});

review('traces: streamed by table.scan when present, else read from the records, same maxima', async () => {
  const at = (iso: string) => Date.parse(iso);
  const records: DataRecord[] = [
    { table: 'traces', file: 'traces.json', line: 2, values: { at: at('2024-06-01T08:00:00Z'), user_id: 'U1', facility_id: 'F1' } },
    { table: 'traces', file: 'traces.json', line: 3, values: { at: at('2024-06-03T08:00:00Z'), user_id: 'U1' } },
    { table: 'traces', file: 'traces.json', line: 4, values: { at: at('2024-05-01T08:00:00Z'), user_id: 'U1', facility_id: 'F1' } },
    { table: 'traces', file: 'traces.json', line: 5, values: { at: at('2024-06-02T08:00:00Z'), user_id: 'U9', facility_id: 'F1' } },
    { table: 'traces', file: 'traces.json', line: 6, values: { at: at('2024-06-30T22:30:00Z'), user_id: 'U1', facility_id: 'F2' } },
  ];
  const held: Table = { name: 'traces', file: 'traces.json', columns: ['at', 'user_id', 'facility_id'], records };
  let scanned = 0;
  const streamed: Table = {
    ...held,
    records: [],
    scan: async (visit) => {
      for (const record of records) {
        scanned += 1;
        visit(record);
      }
      return { rows: records.length, errors: [], skipped: [] };
    },
  };
  const users = new Set(['U1']);
  const fromRecords = await collectLastActivity(held, users, '2024-06-30');
  const fromScan = await collectLastActivity(streamed, users, '2024-06-30');
  assert.is(scanned, records.length);
  assert.equal(fromScan.activity, fromRecords.activity);
  assert.equal([...fromRecords.activity.byUser], [['U1', at('2024-06-03T08:00:00Z')]]);
  // 2024-06-30T22:30Z is 1 July in Paris: after D. U9 is not under review: not kept at all.
  assert.equal([...(fromRecords.activity.byUserFacility.get('U1') ?? [])], [['F1', at('2024-06-01T08:00:00Z')]]);
  assert.is(fromRecords.activity.byUserFacility.has('U9'), false);
});

review('without traces, the last activity is unknown, and says why', async () => {
  const list = await reviewOf('test/fixtures/bilan/2024');
  assert.ok(list.rows.length > 0);
  assert.ok(list.rows.every((row) => row.lastActivity === undefined && row.activityBasis === 'no_traces'));
});

review.run();
