import { readdir } from 'node:fs/promises';
import { isTableName } from './table-schemas.js';

/** The files of a snapshot folder that vigie reads, by what they hold. */
export interface SnapshotFiles {
  /** `partner.yaml`, `partner.yml` or `partner.json` (more than one is a conflict). */
  readonly partner: readonly string[];
  /** Table name → its `NAME.csv` / `NAME.tsv` / `NAME.json` files (more than one is a conflict). */
  readonly tables: ReadonlyMap<string, readonly string[]>;
}

const PARTNER_FILE = /^partner\.(ya?ml|json)$/i;
const TABLE_FILE = /^(.+)\.(csv|tsv|json)$/i;

/** Lists a folder's snapshot files, names matched case-insensitively (`Users.CSV`); the rest is ignored. */
export async function listSnapshotFiles(folder: string): Promise<SnapshotFiles> {
  const entries = await readdir(folder, { withFileTypes: true });
  const partner: string[] = [];
  const tables = new Map<string, string[]>();
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isFile()) continue;
    if (PARTNER_FILE.test(entry.name)) {
      partner.push(entry.name);
      continue;
    }
    const match = TABLE_FILE.exec(entry.name);
    const table = match?.[1].toLowerCase();
    if (table === undefined || !isTableName(table)) continue;
    tables.set(table, [...(tables.get(table) ?? []), entry.name]);
  }
  return { partner, tables };
}
