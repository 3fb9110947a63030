#!/usr/bin/env node
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

/**
 * The benchmark's floor: csv-parse alone reading every CSV file of a snapshot, one after the
 * other, with its streaming API in array mode, records discarded. Run as its own process so
 * that it pays the same Node start-up as `vigie check` and is measured the same way.
 * Prints `{"files": …, "records": …}`.
 */
/** @param {string} folder */
async function main(folder) {
  const files = (await readdir(folder)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  let records = 0;
  for (const file of files) {
    await pipeline(
      createReadStream(join(folder, file)),
      parse(),
      new Writable({
        objectMode: true,
        write(_record, _encoding, done) {
          records += 1;
          done();
        },
      }),
    );
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, records })}\n`);
}

const folder = process.argv[2];
if (folder === undefined) {
  process.stderr.write('usage: node tools/bench/csv-parse-baseline.mjs SNAPSHOT_DIR\n');
  process.exitCode = 2;
} else {
  main(folder).catch((/** @type {Error} */ error) => {
    process.stderr.write(`csv-parse-baseline: ${error.message}\n`);
    process.exitCode = 2;
  });
}
