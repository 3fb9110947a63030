import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { recordsOf } from '../../src/facts/record-sources.js';
import type { Snapshot } from '../../src/snapshot/snapshot-types.js';

const sources = suite('records a `from` names');

function snapshotOf(data: Record<string, unknown>): Snapshot {
  const lines: Record<string, number> = { partner: 1, convention: 3, service_contract: 9 };
  return {
    path: 'snap',
    partner: { file: 'snap/partner.yaml', data, locate: (path) => (typeof path[0] === 'string' && lines[path[0]] ? { line: lines[path[0]], column: 1 } : undefined) },
    tables: new Map(),
  };
}

sources('a partner object (convention, service_contract) is one record at its key', () => {
  const convention = { signed_on: '2023-05-10', tacit_renewal: false };
  const snapshot = snapshotOf({ partner: { name: 'Test' }, convention, service_contract: { signed_on: '2023-05-10' } });
  assert.equal(recordsOf(snapshot, 'convention'), [{ table: 'convention', file: 'snap/partner.yaml', line: 3, values: convention }]);
  assert.equal(recordsOf(snapshot, 'service_contract').map((record) => [record.line, record.values]), [[9, { signed_on: '2023-05-10' }]]);
});

sources('an absent or null partner object gives no record; other partner keys are no source', () => {
  const snapshot = snapshotOf({ partner: { name: 'Test' }, convention: null, extracted_on: '2024-06-30' });
  assert.equal(recordsOf(snapshot, 'convention'), []);
  assert.equal(recordsOf(snapshot, 'service_contract'), []);
  assert.equal(recordsOf(snapshot, 'extracted_on'), []);
});

sources.run();
