import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeSummary, generateSnapshot, type GenerateSummary } from '../../../tools/bench/generate-snapshot.js';
import { loadSnapshot } from '../../../src/snapshot/load-snapshot.js';
import type { DataRecord, Snapshot, Table } from '../../../src/snapshot/snapshot-types.js';

const GRANTS = 400;
const TRACES = 3000;
const TABLES = ['users', 'sites', 'facilities', 'habilitations', 'traces', 'incidents', 'reviews', 'meetings', 'notices', 'subcontractors'];

interface Context {
  root: string;
  first: GenerateSummary;
  again: GenerateSummary;
  otherSeed: GenerateSummary;
  snapshot: Snapshot;
  /** Every row of every table, traces included (they may be streamed rather than held). */
  rows: Map<string, readonly DataRecord[]>;
}

const generate = suite<Context>('generate');

generate.before(async (context) => {
  context.root = await mkdtemp(join(tmpdir(), 'vigie-generate-test-'));
  context.first = await generateSnapshot({ out: join(context.root, 'first'), grants: GRANTS, traces: TRACES, seed: 7 });
  context.again = await generateSnapshot({ out: join(context.root, 'again'), grants: GRANTS, traces: TRACES, seed: 7 });
  context.otherSeed = await generateSnapshot({ out: join(context.root, 'other'), grants: GRANTS, traces: TRACES, seed: 8 });
  const loaded = await loadSnapshot(context.first.out);
  assert.equal(loaded.errors, []);
  context.snapshot = loaded.snapshot!;
  context.rows = new Map();
  for (const [name, table] of context.snapshot.tables) context.rows.set(name, await rowsOf(table));
});

generate.after(async (context) => {
  await rm(context.root, { recursive: true, force: true });
});

async function rowsOf(table: Table): Promise<readonly DataRecord[]> {
  if (!table.scan) return table.records;
  const rows: DataRecord[] = [];
  const result = await table.scan((record) => rows.push(record));
  assert.equal(result.errors, [], `${table.file} scans without errors`);
  assert.is(result.rows, rows.length);
  return rows;
}

function records(rows: Map<string, readonly DataRecord[]>, table: string): readonly DataRecord[] {
  return rows.get(table) ?? [];
}

function text(record: DataRecord, column: string): string | undefined {
  return record.values[column] as string | undefined;
}

function parisDate(at: number): string {
  return DateTime.fromMillis(at, { zone: 'Europe/Paris' }).toISODate()!;
}

generate('the same seed writes the same bytes', async ({ first, again }) => {
  const files = (await readdir(first.out)).sort();
  assert.equal(files, (await readdir(again.out)).sort());
  for (const file of files) {
    const [left, right] = [await readFile(join(first.out, file)), await readFile(join(again.out, file))];
    assert.ok(left.equals(right), `${file} differs between two runs with the same seed`);
  }
});

generate('another seed writes other traces', async ({ first, otherSeed }) => {
  const [left, right] = [await readFile(join(first.out, 'traces.csv')), await readFile(join(otherSeed.out, 'traces.csv'))];
  assert.not.ok(left.equals(right));
});

generate('rows are as asked, and the summary says so', async ({ first }) => {
  const rows = new Map(first.files.map((file) => [file.file, file.rows]));
  assert.equal([...rows.keys()].sort(), ['partner.yaml', ...TABLES.map((table) => `${table}.csv`)].sort());
  assert.is(rows.get('habilitations.csv'), GRANTS);
  assert.is(rows.get('traces.csv'), TRACES);
  const users = rows.get('users.csv')!;
  assert.ok(users > GRANTS / 6 && users < GRANTS / 3, `about a quarter as many users as grants, got ${users}`);
  for (const file of first.files.filter((written) => written.file.endsWith('.csv'))) {
    const content = await readFile(join(first.out, file.file), 'utf8');
    assert.is(content.split('\n').length - 2, file.rows, `${file.file}: header + rows + final newline`);
    assert.is(Buffer.byteLength(content), file.bytes);
  }
  assert.match(describeSummary(first), /^wrote .+: 11 files, [\d,]+ rows, [\d.]+ MiB \(users\.csv \d+ · /);
});

generate('a tiny snapshot keeps exact sizes', async ({ root }) => {
  const tiny = await generateSnapshot({ out: join(root, 'tiny'), grants: 1, traces: 0 });
  const rows = new Map(tiny.files.map((file) => [file.file, file.rows]));
  assert.is(rows.get('habilitations.csv'), 1);
  assert.is(rows.get('traces.csv'), 0);
  assert.equal((await loadSnapshot(tiny.out)).errors, []);
});

generate('the project reader loads every table without an error', ({ first, snapshot, rows }) => {
  assert.equal([...snapshot.tables.keys()].sort(), [...TABLES].sort());
  for (const file of first.files.filter((written) => written.file.endsWith('.csv'))) {
    assert.is(records(rows, file.file.replace('.csv', '')).length, file.rows, file.file);
  }
  const partner = snapshot.partner.data as Record<string, any>;
  assert.is(partner.extracted_on, '2024-06-30');
  assert.is(partner.partner.management_mode, 'delegated');
  assert.is(partner.convention.terminated_on, null);
  assert.equal(partner.contacts.map((contact: { role: string }) => contact.role).slice(0, 3), ['administrator', 'deputy_administrator', 'security_officer']);
});

generate('traces are sorted by time over the months before the export', ({ rows }) => {
  const instants = records(rows, 'traces').map((record) => record.values.at as number);
  for (let index = 1; index < instants.length; index += 1) assert.ok(instants[index - 1] <= instants[index], `trace ${index + 1} goes back in time`);
  assert.ok(parisDate(instants[0]) >= '2024-02-01');
  assert.ok(parisDate(instants.at(-1)!) < '2024-06-30');
});

/** The trace rows and grants, indexed the way the rules read them. */
function traceFacts(rows: Map<string, readonly DataRecord[]>) {
  const siteOf = new Map(records(rows, 'facilities').map((record) => [text(record, 'facility_id'), text(record, 'site_id')]));
  const grantsOf = new Map<string, DataRecord[]>();
  for (const grant of records(rows, 'habilitations')) grantsOf.set(text(grant, 'user_id')!, [...(grantsOf.get(text(grant, 'user_id')!) ?? []), grant]);
  const leftOn = new Map(records(rows, 'users').map((record) => [text(record, 'user_id'), text(record, 'left_on')]));
  const covers = (grant: DataRecord, facility: string, day: string): boolean =>
    text(grant, 'granted_on')! <= day &&
    (text(grant, 'revoked_on') === undefined || text(grant, 'revoked_on')! > day) &&
    (text(grant, 'scope_level') === 'facility' ? text(grant, 'scope_id') === facility : siteOf.get(facility) === text(grant, 'scope_id'));
  return { grantsOf, leftOn, covers };
}

generate('the sprinkled trace violations are there, and rare', ({ rows }) => {
  const { grantsOf, leftOn, covers } = traceFacts(rows);
  const traces = records(rows, 'traces');
  let outOfScope = 0;
  let afterDeparture = 0;
  const shared = new Set<string>();
  const bursts = new Set<string>();
  const last = new Map<string, { origin: string; at: number }>();
  const recent = new Map<string, number[]>();
  const seenSince = new Set<string>();
  for (const trace of traces) {
    const [user, facility, origin, at] = [text(trace, 'user_id')!, text(trace, 'facility_id')!, text(trace, 'origin')!, trace.values.at as number];
    const day = parisDate(at);
    if (!(grantsOf.get(user) ?? []).some((grant) => covers(grant, facility, day))) outOfScope += 1;
    if (leftOn.get(user) !== undefined && day >= leftOn.get(user)!) afterDeparture += 1;
    const previous = last.get(user);
    if (previous && previous.origin !== origin && at - previous.at < 10 * 60_000) shared.add(user);
    last.set(user, { origin, at });
    const window = [...(recent.get(user) ?? []), at].filter((instant) => instant > at - 60_000);
    recent.set(user, window);
    if (window.length > 60) bursts.add(user);
    if (day >= '2024-03-30') seenSince.add(user);
  }
  assert.ok(outOfScope >= 1 && outOfScope < traces.length / 100, `out-of-scope rows: ${outOfScope}`);
  assert.ok(afterDeparture >= 1, 'a departed user still acts');
  assert.is(shared.size, 1, 'one shared account');
  assert.is(bursts.size, 1, 'one automated burst');
  // Users whose active grants are all older than three months, silent for three months.
  const unused = [...grantsOf].filter(([user, grants]) => {
    const active = grants.filter((grant) => text(grant, 'revoked_on') === undefined);
    return active.length > 0 && active.every((grant) => text(grant, 'granted_on')! < '2024-03-30') && !seenSince.has(user);
  });
  assert.ok(unused.length >= 1, 'some grants are unused');
});

generate('grants, users and events hold their other violations', ({ rows }) => {
  const active = records(rows, 'habilitations').filter((grant) => text(grant, 'revoked_on') === undefined);
  const approvers = new Map<string, number>();
  for (const grant of active) {
    if (text(grant, 'profile') === 'D3') approvers.set(text(grant, 'scope_id')!, (approvers.get(text(grant, 'scope_id')!) ?? 0) + 1);
  }
  assert.ok([...approvers.values()].some((count) => count > 1), 'a facility with two approvers (D3 quota)');
  const users = new Map(records(rows, 'users').map((record) => [text(record, 'user_id'), record]));
  const holders = new Set(active.map((grant) => text(grant, 'user_id')));
  assert.ok([...users.values()].some((user) => text(user, 'left_on') && holders.has(text(user, 'user_id'))), 'a departed user keeps a grant');
  assert.ok([...users.values()].some((user) => text(user, 'kind') === 'technical' && holders.has(text(user, 'user_id'))), 'a technical account holds a grant');
  assert.ok(records(rows, 'incidents').some((incident) => text(incident, 'kind') === 'security' && text(incident, 'caf_notified_on') === undefined));
  assert.ok(records(rows, 'reviews').some((review) => text(review, 'sent_to_caf_on')! > DateTime.fromISO(text(review, 'performed_on')!).plus({ months: 1 }).toISODate()!));
  assert.ok(records(rows, 'subcontractors').some((sub) => text(sub, 'data_country') === 'IN' && text(sub, 'transfer_safeguards') === undefined));
});

generate.run();
