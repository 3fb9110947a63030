import type { Report } from '../report/report-types.js';
import type { DataRecord, InputError, ScanOptions, Snapshot } from '../snapshot/snapshot-types.js';
import { parisDateOf } from '../util/dates.js';
import { activeAt } from '../facts/where.js';
import { collectLastActivity, type LastActivity } from './last-activity.js';
import { profileLabel } from './profile-label.js';
import type { ActivityBasis, ReviewList, ReviewRow } from './review-types.js';

/** The reverse review list at D: one row per active grant, with last activity and the rules touching it. */
export async function buildReview(snapshot: Snapshot, report: Report, options: ScanOptions = {}): Promise<{ review?: ReviewList; errors: readonly InputError[] }> {
  const asOf = report.asOf;
  const grants = (snapshot.tables.get('habilitations')?.records ?? []).filter((grant) => activeAt(grant.values, asOf));
  const users = new Map((snapshot.tables.get('users')?.records ?? []).map((user) => [user.values.user_id as string, user.values]));
  const names = new Map<string, string>();
  for (const table of ['sites', 'facilities']) {
    for (const record of snapshot.tables.get(table)?.records ?? []) {
      const id = record.values[table === 'sites' ? 'site_id' : 'facility_id'];
      if (typeof record.values.name === 'string') names.set(`${table === 'sites' ? 'site' : 'facility'}\u0000${id}`, record.values.name);
    }
  }
  const facilitiesOfSite = new Map<string, string[]>();
  for (const facility of snapshot.tables.get('facilities')?.records ?? []) {
    const site = facility.values.site_id as string;
    facilitiesOfSite.set(site, [...(facilitiesOfSite.get(site) ?? []), facility.values.facility_id as string]);
  }

  const traces = snapshot.tables.get('traces');
  let activity: LastActivity | undefined;
  if (traces) {
    const collected = await collectLastActivity(traces, new Set(grants.map((grant) => grant.values.user_id as string)), asOf, options);
    if (collected.errors.length > 0) return { errors: collected.errors };
    activity = collected.activity;
  }
  const findingsOf = findingIndex(report);

  const rows = grants.map((grant): ReviewRow => {
    const values = grant.values;
    const userId = values.user_id as string;
    const scopeLevel = values.scope_level as 'site' | 'facility';
    const scopeId = values.scope_id as string;
    const person = users.get(userId);
    const scopeFacilities = scopeLevel === 'facility' ? [scopeId] : (facilitiesOfSite.get(scopeId) ?? []);
    const { at, basis } = lastActivityOf(activity, userId, scopeFacilities);
    const profile = values.profile as string;
    return {
      userId,
      ...text('lastName', person?.last_name),
      ...text('firstName', person?.first_name),
      ...text('function', person?.function),
      service: values.service as string,
      profile,
      profileLabel: profileLabel(profile),
      scopeLevel,
      scopeId,
      ...text('scopeName', names.get(`${scopeLevel}\u0000${scopeId}`)),
      grantedOn: values.granted_on as string,
      ...(at === undefined ? {} : { lastActivity: parisDateOf(at) }),
      activityBasis: basis,
      findings: findingsOf(grant),
      source: { file: grant.file, line: grant.line },
    };
  });
  rows.sort(compareRows);
  return { review: { tool: report.tool, asOf, snapshot: report.snapshot, ...text('administrator', administratorOf(snapshot)), rows }, errors: [] };
}

/** On the grant's scope when the user acted there, else anywhere on the account. */
function lastActivityOf(activity: LastActivity | undefined, user: string, facilities: readonly string[]): { at?: number; basis: ActivityBasis } {
  if (!activity) return { basis: 'no_traces' };
  const perFacility = activity.byUserFacility.get(user);
  let onScope: number | undefined;
  for (const facility of facilities) {
    const at = perFacility?.get(facility);
    if (at !== undefined && (onScope === undefined || at > onScope)) onScope = at;
  }
  if (onScope !== undefined) return { at: onScope, basis: 'scope' };
  const anywhere = activity.byUser.get(user);
  return anywhere === undefined ? { basis: 'none' } : { at: anywhere, basis: 'account' };
}

/** The rule IDs touching a grant: findings citing its row as evidence, and findings about its holder. */
function findingIndex(report: Report): (grant: DataRecord) => string[] {
  const byRow = new Map<string, Set<string>>();
  const byUser = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, key: string, ruleId: string) => {
    const rules = index.get(key);
    if (rules) rules.add(ruleId);
    else index.set(key, new Set([ruleId]));
  };
  for (const finding of report.findings) {
    if (finding.subject.type === 'user') add(byUser, finding.subject.id, finding.ruleId);
    for (const item of finding.evidence) if (item.table === 'habilitations') add(byRow, `${item.file}\u0000${item.line}`, finding.ruleId);
  }
  return (grant) => {
    const rules = new Set([...(byRow.get(`${grant.file}\u0000${grant.line}`) ?? []), ...(byUser.get(grant.values.user_id as string) ?? [])]);
    return [...rules].sort(compareText);
  };
}

/** The administrator declared in partner.yaml, who signs the review. */
function administratorOf(snapshot: Snapshot): string | undefined {
  const contacts = snapshot.partner.data.contacts;
  if (!Array.isArray(contacts)) return undefined;
  const administrator = contacts.find((contact) => (contact as Record<string, unknown>)?.role === 'administrator') as Record<string, unknown> | undefined;
  const name = [administrator?.first_name, administrator?.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return name || undefined;
}

/** Users, profile, scope, then row position, so that output is deterministic. */
function compareRows(a: ReviewRow, b: ReviewRow): number {
  return (
    compareNatural(a.userId, b.userId) ||
    compareText(a.profile, b.profile) ||
    compareText(a.scopeLevel, b.scopeLevel) ||
    compareNatural(a.scopeId, b.scopeId) ||
    compareText(a.service, b.service) ||
    compareText(a.grantedOn, b.grantedOn) ||
    compareText(a.source.file, b.source.file) ||
    a.source.line - b.source.line
  );
}

// One collator for the whole sort: localeCompare with options builds one per call.
const NATURAL = new Intl.Collator('en', { numeric: true });

/** `U2` before `U10`, as people read identifiers; code-unit order settles what that calls equal. */
function compareNatural(a: string, b: string): number {
  return NATURAL.compare(a, b) || compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `{ key: value }` for a non-empty string, else nothing: absent fields stay absent. */
function text<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === 'string' && value !== '' ? { [key]: value } : {}) as { [P in K]?: string };
}
