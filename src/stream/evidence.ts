import type { DataRecord } from '../snapshot/snapshot-types.js';

/** Evidence lines a trace fact keeps: at most 20 per finding, plus the total. */
export const EVIDENCE_LIMIT = 20;

/** The empty evidence list of the groups that cite nothing, shared; frozen, so that a push on it fails loudly. */
export const NO_RECORDS = Object.freeze([]) as unknown as DataRecord[];

/** Adds an evidence line to a group's list (its slot in `records`), up to EVIDENCE_LIMIT. */
export function cite(records: (DataRecord[] | undefined)[], slot: number, record: DataRecord): void {
  const cited = records[slot];
  if (cited === undefined) records[slot] = [record];
  else if (cited.length < EVIDENCE_LIMIT) cited.push(record);
}
