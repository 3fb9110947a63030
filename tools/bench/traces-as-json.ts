import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parse } from 'csv-parse';

/**
 * Copies a generated snapshot to `out` with its traces.csv written as traces.json instead: one
 * object per row on its own line (line n of the JSON holds the row of line n of the CSV), keys
 * the header's names, empty cells left out, as a partner's JSON export writes them.
 */
export async function tracesAsJson(folder: string, out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  for (const name of await readdir(folder)) if (name !== 'traces.csv') await copyFile(join(folder, name), join(out, name));
  const sink = createWriteStream(join(out, 'traces.json'));
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  let header: string[] | undefined;
  let rows = 0;
  await write('[');
  for await (const cells of createReadStream(join(folder, 'traces.csv')).pipe(parse({ relax_column_count: false })) as AsyncIterable<string[]>) {
    if (!header) {
      header = cells;
      continue;
    }
    const row: Record<string, string> = {};
    cells.forEach((cell, index) => {
      if (cell !== '') row[header![index]] = cell;
    });
    await write(`${rows === 0 ? '\n  ' : ',\n  '}${JSON.stringify(row)}`);
    rows++;
  }
  await write('\n]\n');
  sink.end();
  await once(sink, 'finish');
}
