import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileFieldMatcher, fieldMatches } from '../../src/facts/where.js';

const matchers = suite('compiled field matchers');

const AS_OF = '2024-06-30';

// Every operator of the where clauses, with operands of the right and the wrong type.
const EXPECTED: [string, unknown][] = [
  ['profile', 'D1'],
  ['profile', ['D1', 'D2']],
  ['profile', [undefined, 'D3']],
  ['profile', undefined],
  ['profile', null],
  ['profile', { in: ['D1', 'D4'] }],
  ['profile', { not_in: ['D1'] }],
  ['profile', { not: 'D2' }],
  ['profile', { present: true }],
  ['profile', { present: false }],
  ['profile', { equals_text: 'd1' }],
  ['granted_on', { before: '2024-01-01' }],
  ['granted_on', { on_or_before: '2024-01-01' }],
  ['granted_on', { after: '2024-01-01' }],
  ['granted_on', { on_or_after: '2024-01-01', before: '2024-12-31' }],
  ['granted_on', { on_or_after: undefined }],
  ['granted_on', { after: 20240101 }],
  ['count', { after: 2 }],
  ['count', { on_or_before: '2' }],
  ['at_date', { on_or_after: '2024-03-01' }],
  ['active_at', '2024-03-01'],
  ['active_at', 'not a date'],
  ['revoked_on', { missed_deadline: { start: 'granted_on', delay: 'P1M' } }],
];

const RECORDS: Record<string, unknown>[] = [
  {},
  { profile: 'D1', granted_on: '2023-06-01', count: 3 },
  { profile: 'D2', granted_on: '2024-01-01', revoked_on: '2024-05-01', count: 2 },
  { profile: 'd1', granted_on: '2024-02-01', at: Date.UTC(2024, 2, 1, 0, 30) },
  { profile: 'D3', granted_on: 'soon', revoked_on: null, count: '2' },
];

matchers('a compiled matcher answers as fieldMatches does, for every operator and record', () => {
  for (const [field, expected] of EXPECTED) {
    const matcher = compileFieldMatcher(field, expected, AS_OF);
    for (const record of RECORDS) {
      assert.is(matcher(record), fieldMatches(record, field, expected, AS_OF), `${field} ${JSON.stringify(expected)} on ${JSON.stringify(record)}`);
    }
  }
});

matchers.run();
