import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FACT_KIND_KEYS, FACT_KINDS } from '../../src/rules/fact-kinds.js';
import { ROOT, runCli } from '../cli/run-cli.js';
import { codeName, tableAfter } from './rules-doc.js';

/** A fact kind as the code knows it; `held` and `streamed` say whether it works over held tables and over the traces. */
interface RegisteredKind {
  readonly kind: string;
  readonly held?: boolean;
  readonly streamed?: boolean;
}

/** Keys of a fact definition that qualify its kind rather than being one. */
const QUALIFIERS = ['from', 'where', 'evidence', 'lookups'];

const ruleSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/rule.schema.json'), 'utf8')) as {
  definitions: { fact: { properties: Record<string, unknown> } };
};

/** The fact kinds the rule schema lets through. */
function schemaFactKinds(): RegisteredKind[] {
  return Object.keys(ruleSchema.definitions.fact.properties)
    .filter((key) => !QUALIFIERS.includes(key))
    .map((kind) => ({ kind }));
}

/** The kinds the code registers (src/rules/fact-kinds.ts) that a key names: `records` (no kind key) is not a row of the table. */
const REGISTERED: readonly RegisteredKind[] = FACT_KINDS.filter((entry) => FACT_KIND_KEYS.some((key) => key === entry.kind));

/** What a cell of the Held tables / Traces columns claims: works, does not, or reads no records (undefined). */
function claim(cell: string): boolean | undefined {
  if (cell === 'yes') return true;
  if (cell === 'no') return false;
  if (cell === '—') return undefined;
  throw new Error(`a fact kind cell is yes, no or —, not « ${cell} »`);
}

const documented = tableAfter('table: fact-kinds').map((cells) => {
  assert.is(cells.length, 5, cells.join(' | '));
  return { kind: codeName(cells[0]), held: claim(cells[3]), streamed: claim(cells[4]) };
});

const kinds = suite('docs/RULES.md: fact kinds');

kinds('the table lists the fact kinds the rule schema allows, each once', () => {
  const names = documented.map((row) => row.kind);
  assert.equal([...names].sort(), [...new Set(names)].sort());
  assert.equal([...names].sort(), schemaFactKinds().map((entry) => entry.kind).sort());
});

kinds('the table agrees with the kinds the code registers', () => {
  assert.equal(documented.map((row) => row.kind).sort(), REGISTERED.map((entry) => entry.kind).sort());
  for (const entry of REGISTERED) {
    const row = documented.find((candidate) => candidate.kind === entry.kind)!;
    // Kinds that read no records are "—" in both columns: nothing to compare.
    if (row.held !== undefined && entry.held !== undefined) assert.is(row.held, entry.held, `${entry.kind}: held tables`);
    if (row.streamed !== undefined && entry.streamed !== undefined) assert.is(row.streamed, entry.streamed, `${entry.kind}: traces`);
  }
});

// Every claim of the table is run: a rule per kind and source, with a fixture expecting what
// the table says, all tested by the built CLI's `vigie rules test`.

const USERS = [
  { user_id: 'U1', last_name: 'A' },
  { user_id: 'U2', last_name: 'B' },
  { user_id: 'U3', last_name: 'B' },
];
const TRACES = [
  { at: '2024-06-01 10:00', user_id: 'U1', origin: 'A' },
  { at: '2024-06-01 10:05', user_id: 'U2', origin: 'B' },
  { at: '2024-06-01 10:20', user_id: 'U1', origin: 'A' },
];

type Condition = Readonly<Record<string, unknown>>;
const is = (value: unknown, path?: string): Condition => ({ fact: 'probe', ...(path ? { path } : {}), operator: 'equal', value });
const holds = (value: string): Condition => ({ fact: 'probe', operator: 'contains', value });

/** Per kind reading records: its argument and what holds when it yields what it should, over USERS and over TRACES. */
const RECORD_PROBES: Readonly<Record<string, { held: [unknown, Condition[]]; traces: [unknown, Condition[]] }>> = {
  count: { held: [true, [is(3)]], traces: [true, [is(3)]] },
  count_distinct: { held: ['last_name', [is(2)]], traces: ['user_id', [is(2)]] },
  exists: { held: [true, [is(true)]], traces: [true, [is(true)]] },
  first: { held: ['user_id', [is('U1')]], traces: ['user_id', [is('U1')]] },
  values: { held: ['last_name', [holds('A'), holds('B')]], traces: ['user_id', [holds('U1'), holds('U2')]] },
  min: { held: ['user_id', [is('U1')]], traces: ['at_date', [is('2024-06-01')]] },
  max: { held: ['user_id', [is('U3')]], traces: ['user_id', [is('U2')]] },
  close_pairs: { held: [{ order_by: 'at', differ: 'origin', within: 'PT10M' }, [is(1)]], traces: [{ order_by: 'at', differ: 'origin', within: 'PT10M' }, [is(1)]] },
  close_returns: { held: [{ order_by: 'at', differ: 'origin', within: 'PT30M' }, [is(1)]], traces: [{ order_by: 'at', differ: 'origin', within: 'PT30M' }, [is(1)]] },
  busiest_window: { held: [{ order_by: 'at', within: 'PT10M' }, [is(2)]], traces: [{ order_by: 'at', within: 'PT10M' }, [is(2)]] },
};

/** Per kind reading no records: its argument and what holds when it yields what the table says. */
const VALUE_PROBES: Readonly<Record<string, [unknown, Condition[]]>> = {
  value: ['$partner.name', [is('Test')]],
  coalesce: [['$partner.none', null, 'x'], [is('x')]],
  date: [{ from: '2023-08-31', plus: 'P1M' }, [is('2023-09-30')]],
  latest: [['2024-01-01', '$convention.signed_on', '2024-03-01'], [is('2024-03-01')]],
  earliest: [['2024-03-01', '$convention.signed_on', '2024-01-01'], [is('2024-01-01')]],
  deadline: [{ start: '2024-01-01', delay: 'P1M', done: '2024-03-01' }, [is('missed', '$.status'), is('2024-02-01', '$.due')]],
  normalize: [{ value: '03 27.00-00 00', remove: '[ .\\-]' }, [is('0327000000')]],
};

/** The fact that works as claimed fires; a kind its source cannot compute is refused by the loader, at its place. */
function probe(kind: string, source: 'users' | 'traces' | undefined, claimed: boolean, argument: unknown, conditions: Condition[]) {
  const id = `PROBE-${kind.toUpperCase().replace(/_/g, '-')}-${source === undefined ? 'VALUE' : source === 'users' ? 'HELD' : 'TRACES'}`;
  const listed = [{ fact: 'probe', operator: 'doesNotContain', value: '\u0000' }];
  const rule = {
    id,
    severity: 'info',
    title: { fr: id, en: id },
    source: { document: 'CONV', article: '1', quote: 'une clause de la convention' },
    ...(source ? { needs: { tables: [source] } } : {}),
    for_each: { from: 'partner' },
    subject: { type: 'probe', id: 'probe' },
    facts: { probe: { ...(source ? { from: source } : {}), [kind]: argument } },
    conditions: { all: claimed ? conditions : listed },
    message: { fr: '{probe}', en: '{probe}' },
    remediation: { fr: '—', en: '—' },
    obligation: { fr: id, en: id },
  };
  const expect = { status: 'failed' };
  const snapshot = { partner: { name: 'Test' }, users: USERS, traces: TRACES };
  const fixture = { rule: id, cases: [{ name: 'probe', as_of: '2024-06-30', snapshot, expect }, { name: 'again', as_of: '2024-06-30', snapshot, expect }] };
  return { id, kind, claimed, rule, fixture, label: `${kind} over ${source ?? 'no records'}: ${claimed ? 'works' : 'is refused'}` };
}

kinds('every claim of the table holds: `vigie rules test` on a probe per kind and source', () => {
  const probes = documented.flatMap((row) => {
    if (row.held === undefined && row.streamed === undefined) {
      const value = VALUE_PROBES[row.kind];
      assert.ok(value, `no probe for the fact kind ${row.kind}: add one to VALUE_PROBES`);
      return [probe(row.kind, undefined, true, ...value)];
    }
    const record = RECORD_PROBES[row.kind];
    assert.ok(record, `no probe for the fact kind ${row.kind}: add one to RECORD_PROBES`);
    assert.ok(row.held !== undefined && row.streamed !== undefined, `${row.kind}: yes or no in both columns`);
    return [probe(row.kind, 'users', row.held!, ...record.held), probe(row.kind, 'traces', row.streamed!, ...record.traces)];
  });
  const dir = mkdtempSync(join(tmpdir(), 'vigie-docs-kinds-'));
  try {
    for (const folder of ['probes', 'refused']) mkdirSync(join(dir, folder));
    for (const { id, claimed, rule, fixture } of probes) {
      const folder = claimed ? 'probes' : 'refused';
      writeFileSync(join(dir, folder, `${id}.yaml`), JSON.stringify(rule, null, 2));
      writeFileSync(join(dir, folder, `${id}.tests.yaml`), JSON.stringify(fixture, null, 2));
    }
    const refusals = runCli(['rules', 'test', join(dir, 'refused'), '--rules', join(dir, 'refused'), '--lang', 'en']).stderr.split('\n').filter((line) => line !== '');
    const refused = probes.filter((entry) => !entry.claimed);
    assert.is(refusals.length, refused.length, refusals.join('\n'));
    for (const { id, kind, label } of refused) {
      assert.ok(refusals.some((line) => line.includes(`${id}.yaml:28:`) && line.includes(`« ${kind} »`)), `${label}, as docs/RULES.md says:\n${refusals.join('\n')}`);
    }
    const run = runCli(['rules', 'test', join(dir, 'probes'), '--rules', join(dir, 'probes'), '--lang', 'en']);
    assert.is(run.stderr, '');
    const lines = run.stdout.split('\n');
    for (const { id, label } of probes.filter((entry) => entry.claimed)) {
      const at = lines.findIndex((line) => line.endsWith(`${id} — probe`));
      assert.ok(at >= 0, `${id} did not run:\n${run.stdout}`);
      assert.ok(lines[at].startsWith('✔'), `${label}, as docs/RULES.md says; vigie rules test:\n${lines.slice(at, at + 4).join('\n')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

kinds.run();
