import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FactDefinition } from '../../src/rules/rule-types.js';
import type { Scope } from '../../src/facts/scope.js';
import type { DataRecord } from '../../src/snapshot/snapshot-types.js';
import { returnsResult, updateReturns } from '../../src/stream/close-returns.js';
import { ConsumerColumns, FIELDS, isPartField } from '../../src/stream/consumer-columns.js';
import { AggregateKind } from '../../src/stream/aggregate-kind.js';
import { canMerge, exportPart, mergeLater } from '../../src/stream/pass-part.js';

// close_returns: the rows of a group that go back, less than `within` later, to the value it
// left for another (A, B, A). Read in two parts and merged, a group's state must be the one
// a single reading leaves, whatever the row the cut falls on.

const returns = suite('close_returns');
const MINUTE = 60_000;
const definition = (evidence: boolean) => ({ from: 'traces', where: {}, close_returns: { order_by: 'at', differ: 'origin', within: 'PT10M' }, ...(evidence ? { evidence: true } : {}) }) as unknown as FactDefinition;
const scope = { context: { snapshot: { tables: new Map() } } } as unknown as Scope;

function consumer(later: boolean, evidence = true): ConsumerColumns {
  const state = new ConsumerColumns(definition(evidence), scope, false, later, undefined);
  state.open(0);
  return state;
}

const row = (line: number, minute: number, origin?: string): DataRecord => ({ table: 'traces', file: 'traces.csv', line, values: { at: minute * MINUTE, ...(origin ? { origin } : {}) } });

function read(state: ConsumerColumns, rows: readonly DataRecord[]): ConsumerColumns {
  for (const record of rows) updateReturns(state, record, 0);
  return state;
}

/** The fields a single reading and a merge must agree on, copied (reading on adds to the evidence list). */
function fields(state: ConsumerColumns): Record<string, unknown> {
  return structuredClone(Object.fromEntries(FIELDS[AggregateKind.Returns].filter(isPartField).map((field) => [field, state.columns[field][0]])));
}

returns('A, B, A within ten minutes is one return, citing the row that left, the first row in between and the return', () => {
  const state = read(consumer(false), [row(2, 0, 'A'), row(3, 1, 'A'), row(4, 2), row(5, 4, 'B'), row(6, 6, 'B'), row(7, 9, 'A')]);
  const result = returnsResult(state, 0);
  assert.is(result.value, 1);
  assert.equal(
    result.records.map((record) => [record.line, record.values.origin]),
    [
      [3, 'A'],
      [5, 'B'],
      [7, 'A'],
    ],
  );
  assert.is(result.total, 3);
});

returns('a single switch, three values in a row, or a return exactly ten minutes after, are none', () => {
  assert.is(returnsResult(read(consumer(false), [row(2, 0, 'A'), row(3, 1, 'B'), row(4, 30, 'B')]), 0).value, 0);
  assert.is(returnsResult(read(consumer(false), [row(2, 0, 'A'), row(3, 1, 'B'), row(4, 2, 'C')]), 0).value, 0);
  assert.is(returnsResult(read(consumer(false), [row(2, 0, 'A'), row(3, 5, 'B'), row(4, 10, 'A')]), 0).value, 0);
});

returns('back and forth: each return counted, each row cited once', () => {
  const result = returnsResult(read(consumer(false), [row(2, 0, 'A'), row(3, 1, 'B'), row(4, 2, 'A'), row(5, 3, 'B'), row(6, 4, 'A')]), 0);
  assert.is(result.value, 3);
  assert.equal(
    result.records.map((record) => record.line),
    [2, 3, 4, 5, 6],
  );
});

/** Sequences of one group's rows that put every case of the cut to work: runs of one or more rows, returns within and beyond ten minutes, rows without the field. */
function sequences(): DataRecord[][] {
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const all: DataRecord[][] = [];
  for (let sequence = 0; sequence < 60; sequence++) {
    const rows: DataRecord[] = [];
    let minute = 0;
    for (let line = 2; line < 14; line++) {
      minute += Math.floor(random() * 8);
      const pick = random();
      rows.push(row(line, minute, pick < 0.1 ? undefined : pick < 0.55 ? 'A' : pick < 0.9 ? 'B' : 'C'));
    }
    all.push(rows);
  }
  return all;
}

returns('a return across the cut whose row the later part did not keep (its rows start long after the part, the file being in order per user only): not merged', () => {
  const earlier = () => read(consumer(false), [row(2, 50, 'A'), row(3, 52, 'B')]);
  const later = consumer(true);
  // Another user's row opened the part an hour earlier.
  later.partStart = 0;
  read(later, [row(5, 55, 'A')]);
  assert.is(canMerge(earlier(), exportPart(later)), false);
  const kept = exportPart(read(consumer(true), [row(5, 55, 'A')]));
  const merged = earlier();
  assert.is(canMerge(merged, kept), true);
  mergeLater(merged, kept);
  assert.equal(
    returnsResult(merged, 0).records.map((record) => record.line),
    [2, 3, 5],
  );
});

returns("a later part whose group starts before the earlier part's last row: the merge fails at that line, out of order", () => {
  const earlier = read(consumer(false), [row(2, 50, 'A')]);
  mergeLater(earlier, exportPart(read(consumer(true), [row(3, 40, 'B')])));
  assert.equal(earlier.failure, { message: 'traces:3', line: 3 });
});

for (const evidence of [true, false]) {
  returns(`read in two parts (${evidence ? 'with' : 'without'} evidence) and merged: the state of a single reading, then of the rows after it`, () => {
    let merged = 0;
    for (const rows of sequences()) {
      const next = row(20, rows[rows.length - 1].values.at as number / MINUTE + 3, 'A');
      const single = read(consumer(false, evidence), rows);
      const expected = fields(single);
      const expectedAfter = fields(read(single, [next]));
      for (let cut = 1; cut < rows.length; cut++) {
        const earlier = read(consumer(false, evidence), rows.slice(0, cut));
        const part = exportPart(read(consumer(true, evidence), rows.slice(cut)));
        // A part whose first rows lie more than `within` after its start kept no record to cite: this thread would read it.
        if (!canMerge(earlier, part)) continue;
        mergeLater(earlier, part);
        merged++;
        const at = `cut before line ${rows[cut].line} of ${JSON.stringify(rows.map((record) => [record.values.at as number / MINUTE, record.values.origin ?? '-']))}`;
        assert.equal(fields(earlier), expected, at);
        assert.equal(fields(read(earlier, [next])), expectedAfter, `${at}, then one row more`);
      }
    }
    assert.ok(merged > 500, `${merged} merges`);
  });
}

returns.run();
