import type { DataRecord, Snapshot } from '../snapshot/snapshot-types.js';

/** Partner keys that hold lists of records (contacts, subscriptions, amendments). */
const PARTNER_LISTS = ['contacts', 'subscriptions', 'amendments'] as const;

/** Partner keys that hold one object, read as a single record (`from: convention`, `where: {tacit_renewal: false}`). */
const PARTNER_OBJECTS = ['convention', 'service_contract'] as const;

/** The name `for_each.from` uses for the single partner entity. */
export const PARTNER_SOURCE = 'partner';

/** Whether `from` names something the snapshot can hold: a table, a partner list or the partner. */
export function isPartnerList(name: string): boolean {
  return (PARTNER_LISTS as readonly string[]).includes(name);
}

/** The records `from` names: a table's rows, a partner list's items, a partner object, or the partner declarations as one record; absent sources give none. */
export function recordsOf(snapshot: Snapshot, from: string): readonly DataRecord[] {
  const table = snapshot.tables.get(from);
  if (table) return table.records;
  const partner = snapshot.partner;
  if (from === PARTNER_SOURCE) {
    const position = partner.locate(['partner']) ?? { line: 1, column: 1 };
    return [{ table: PARTNER_SOURCE, file: partner.file, line: position.line, values: partner.data }];
  }
  if ((PARTNER_OBJECTS as readonly string[]).includes(from)) {
    const object = partner.data[from];
    if (object === null || typeof object !== 'object' || Array.isArray(object)) return [];
    return [{ table: from, file: partner.file, line: partner.locate([from])?.line ?? 1, values: object as Record<string, unknown> }];
  }
  if (!isPartnerList(from)) return [];
  const items = partner.data[from];
  if (!Array.isArray(items)) return [];
  return items.map((item, position) => ({
    table: from,
    file: partner.file,
    line: partner.locate([from, position])?.line ?? 1,
    values: (item ?? {}) as Record<string, unknown>,
  }));
}
