import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { enumerateEntities, type EntityList } from '../../src/engine/entities.js';
import { RecordIndex } from '../../src/facts/record-index.js';
import { compileForEach } from '../../src/rules/compile-for-each.js';
import type { EvaluationContext } from '../../src/facts/scope.js';
import type { DataRecord, Snapshot } from '../../src/snapshot/snapshot-types.js';

// Groups are found through short lists split by value once they grow: whatever the order of
// the rows and the number of groups sharing a prefix, the groups must be those a map keyed
// by the whole list of values gives (values compared as Map keys are), in order of first row.

const grouping = suite('entities of group_by');

function contextOf(rows: Record<string, unknown>[]): EvaluationContext {
  const records: DataRecord[] = rows.map((values, index) => ({ table: 'grants', file: 'grants.csv', line: index + 2, values }));
  const snapshot = {
    path: '.',
    partner: { file: 'partner.yaml', data: {} },
    tables: new Map([['grants', { name: 'grants', file: 'grants.csv', columns: [], records }]]),
  } as unknown as Snapshot;
  return { snapshot, asOf: '2024-06-30', lang: 'fr', sharedFacts: {}, data: {}, index: new RecordIndex(snapshot), factMemo: new Map() } as EvaluationContext;
}

function entitiesOf(rows: Record<string, unknown>[], groupBy: string[] | undefined): EntityList {
  const context = contextOf(rows);
  return enumerateEntities(compileForEach({ from: 'grants', ...(groupBy ? { group_by: groupBy } : {}) }), { context, params: {}, facts: {} });
}

/** The groups as a map keyed by every value would make them: lines per group, in order of first line. */
function expectedGroups(rows: Record<string, unknown>[], groupBy: string[]): { key: unknown[]; lines: number[] }[] {
  const groups: { key: unknown[]; lines: number[] }[] = [];
  rows.forEach((row, index) => {
    const key = groupBy.map((field) => row[field] ?? null);
    const same = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);
    const group = groups.find((candidate) => candidate.key.every((value, position) => same(value, key[position])));
    if (group) group.lines.push(index + 2);
    else groups.push({ key, lines: [index + 2] });
  });
  return groups;
}

function actualGroups(list: EntityList, groupBy: string[]): { key: unknown[]; lines: number[] }[] {
  return Array.from({ length: list.length }, (_, index) => {
    const entity = list.entityAt(index);
    return { key: groupBy.map((field) => entity.record[field]), lines: entity.records.map((record) => record.line) };
  });
}

/** A small deterministic generator, so that a failure names its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

grouping('groups as a map of whole keys makes them, past the size where lists are split', () => {
  const values: unknown[] = ['a', 'b', '1', 1, null, undefined, Number.NaN, 0, '', 'a b'];
  for (let seed = 1; seed <= 20; seed++) {
    const next = random(seed);
    const pick = () => values[Math.floor(next() * values.length)];
    const rows = Array.from({ length: 400 }, () => {
      const row: Record<string, unknown> = { user: `u${Math.floor(next() * 4)}`, level: pick(), scope: pick() };
      if (row.level === undefined) delete row.level;
      return row;
    });
    for (const groupBy of [['user'], ['user', 'level'], ['user', 'level', 'scope'], ['scope', 'level'], ['level']]) {
      assert.equal(actualGroups(entitiesOf(rows, groupBy), groupBy), expectedGroups(rows, groupBy), `seed ${seed}, ${groupBy.join('+')}`);
    }
  }
});

grouping('many groups under one prefix, and one field telling thousands apart', () => {
  const rows = Array.from({ length: 3000 }, (_, index) => ({ level: index % 2 === 0 ? 'site' : 'facility', scope: `S${index % 1000}` }));
  const groupBy = ['level', 'scope'];
  const actual = actualGroups(entitiesOf(rows, groupBy), groupBy);
  assert.is(actual.length, 1000);
  assert.equal(actual, expectedGroups(rows, groupBy));
  assert.equal(actual[0], { key: ['site', 'S0'], lines: [2, 1002, 2002] });
});

grouping('a group record holds its key fields, absent as null; records keep their order', () => {
  const list = entitiesOf([{ user: 'u1', scope: 'A' }, { user: 'u1' }, { user: 'u1', scope: 'A', extra: 1 }], ['user', 'scope']);
  assert.is(list.length, 2);
  assert.equal(list.entityAt(0).record, { user: 'u1', scope: 'A' });
  assert.equal(list.entityAt(0).records.map((record) => record.line), [2, 4]);
  assert.equal(list.entityAt(1).record, { user: 'u1', scope: null });
});

grouping('without group_by, each record is an entity of its own values', () => {
  const rows = [{ user: 'u1' }, { user: 'u1' }];
  const list = entitiesOf(rows, undefined);
  assert.is(list.length, 2);
  assert.is(list.entityAt(1).record, rows[1]);
  assert.equal(list.entityAt(1).records.map((record) => record.line), [3]);
});

grouping.run();
