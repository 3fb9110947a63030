import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RecordIndex } from '../../src/facts/record-index.js';
import type { EvaluationContext, Scope } from '../../src/facts/scope.js';
import { selectRecords } from '../../src/facts/where.js';
import type { WhereClause } from '../../src/rules/rule-types.js';
import { compileSubQuery, compileWhereClause } from '../../src/rules/compile-where.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { DataRecord } from '../../src/snapshot/snapshot-types.js';
import { compileNotExists } from '../../src/stream/not-exists.js';

// compileNotExists answers, row by row, what selectRecords would: no record of the sub-query matches.

const notExists = suite('not_exists over the traces');

const DAY = 24 * 60 * 60 * 1000;

/** Sub-queries of the shapes the index path takes (a first equality, lists, active_at), and of others. */
const QUERIES: readonly WhereClause[] = [
  { user_id: '$row.user_id', scope_id: ['$row.facility_id', '$facility.site_id'], active_at: '$row.at_date' },
  { user_id: '$row.user_id', service: 'AFAS', active_at: '$row.at_date' },
  { active_at: '$row.at_date', user_id: '$row.user_id' },
  { scope_id: '$row.facility_id', user_id: '$row.user_id' },
  { user_id: '$row.user_id', profile: { in: ['D1', 'D3'] } },
  { user_id: '$row.missing' },
];

for (const sample of ['samples/ca2c-2023', 'samples/exemple-conforme']) {
  notExists(`the same answer as selectRecords on every trace of ${sample}, a year earlier too`, async () => {
    const snapshot = (await loadSnapshot(sample, { lenient: false })).snapshot!;
    const context: EvaluationContext = { snapshot, asOf: '2024-06-30', lang: 'fr', sharedFacts: {}, data: {}, index: new RecordIndex(snapshot), factMemo: new Map(), literalWhereTests: new Map() };
    const rows: DataRecord['values'][] = [];
    await snapshot.tables.get('traces')!.scan!((record) => {
      rows.push(record.values, { ...record.values, at: (record.values.at as number) - 365 * DAY });
    });
    const lookups = new Set(['facility']);
    let differing = 0;
    for (const where of QUERIES) {
      const query = compileSubQuery({ from: 'habilitations', where });
      const none = compileNotExists(query, lookups, context.asOf);
      const facility = compileWhereClause({ facility_id: '$row.facility_id' });
      const facts: Record<string, unknown> = {};
      let found = 0;
      for (const row of rows) {
        const scope: Scope = { context, params: {}, facts, row };
        facts.facility = selectRecords('facilities', facility, scope)[0]?.values;
        const expected = selectRecords(query.from, query.where, scope).length === 0;
        if (none(row, scope) !== expected) differing++;
        if (!expected) found++;
      }
      // Each query finds grants for some rows and none for others, or the comparison proves little.
      if (where.user_id !== '$row.missing') assert.ok(found > 0 && found < rows.length, JSON.stringify(where));
    }
    assert.is(differing, 0);
  });
}

notExists.run();
