import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateSnapshot } from '../../../tools/bench/generate-snapshot.js';
import { tracesAsJson } from '../../../tools/bench/traces-as-json.js';
import { loadSnapshot } from '../../../src/snapshot/load-snapshot.js';
import type { DataRecord, Snapshot } from '../../../src/snapshot/snapshot-types.js';

const json = suite('bench: the generated snapshot with its traces as traces.json');

async function traceRows(snapshot: Snapshot): Promise<DataRecord[]> {
  const rows: DataRecord[] = [];
  const result = await snapshot.tables.get('traces')!.scan!((record) => rows.push(record));
  assert.equal(result.errors, []);
  return rows;
}

json('the same rows at the same lines, the other files copied', async () => {
  const root = await mkdtemp(join(tmpdir(), 'vigie-bench-json-'));
  try {
    await generateSnapshot({ out: join(root, 'csv'), grants: 200, traces: 2000, seed: 3 });
    await tracesAsJson(join(root, 'csv'), join(root, 'json'));
    const csvFiles = (await readdir(join(root, 'csv'))).filter((name) => name !== 'traces.csv');
    assert.equal((await readdir(join(root, 'json'))).sort(), [...csvFiles, 'traces.json'].sort());
    assert.is(await readFile(join(root, 'json', 'users.csv'), 'utf8'), await readFile(join(root, 'csv', 'users.csv'), 'utf8'));
    const [csv, fromJson] = await Promise.all([loadSnapshot(join(root, 'csv')), loadSnapshot(join(root, 'json'))]);
    assert.equal(fromJson.errors, []);
    const csvRows = await traceRows(csv.snapshot!);
    const jsonRows = await traceRows(fromJson.snapshot!);
    assert.is(jsonRows.length, 2000);
    assert.equal(
      jsonRows.map((row) => ({ line: row.line, values: row.values })),
      csvRows.map((row) => ({ line: row.line, values: row.values })),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

json.run();
