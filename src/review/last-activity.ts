import { DateTime } from 'luxon';
import type { InputError, ScanOptions, SkippedRow, Table } from '../snapshot/snapshot-types.js';
import { PARIS } from '../util/dates.js';

/** The latest trace instant (epoch ms) of each reviewed user, overall and per facility. */
export interface LastActivity {
  readonly byUser: ReadonlyMap<string, number>;
  readonly byUserFacility: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** One pass keeping two maxima per reviewed user, so memory stays flat; traces after D do not count. */
export async function collectLastActivity(
  traces: Table,
  users: ReadonlySet<string>,
  asOf: string,
  options: ScanOptions = {},
): Promise<{ activity: LastActivity; errors: readonly InputError[]; skipped: readonly SkippedRow[] }> {
  const endOfDay = DateTime.fromISO(asOf, { zone: PARIS }).plus({ days: 1 }).toMillis();
  const byUser = new Map<string, number>();
  const byUserFacility = new Map<string, Map<string, number>>();
  const visit = (values: Readonly<Record<string, unknown>>) => {
    const user = values.user_id as string;
    const at = values.at as number;
    if (!users.has(user) || typeof at !== 'number' || at >= endOfDay) return;
    if (!(at <= (byUser.get(user) ?? -Infinity))) byUser.set(user, at);
    const facility = values.facility_id;
    if (typeof facility !== 'string') return;
    let facilities = byUserFacility.get(user);
    if (!facilities) byUserFacility.set(user, (facilities = new Map()));
    if (!(at <= (facilities.get(facility) ?? -Infinity))) facilities.set(facility, at);
  };
  if (!traces.scan) {
    for (const record of traces.records) visit(record.values);
    return { activity: { byUser, byUserFacility }, errors: [], skipped: [] };
  }
  const result = await traces.scan((record) => visit(record.values), options);
  return { activity: { byUser, byUserFacility }, errors: result.errors, skipped: result.skipped };
}
