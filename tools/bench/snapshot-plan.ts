import { addDays, daysBetween } from './paris-time.js';
import { FACILITY_KINDS, FACILITY_NICKNAMES, FIRST_NAMES, FUNCTIONS, LAST_NAMES, SITE_KINDS, STREETS, TOWNS } from './name-lists.js';
import type { Random } from './random.js';
import { TIMELINE } from './timeline.js';

export type Profile = 'D1' | 'D2' | 'D3' | 'D4';

/** A users.csv row; absent optional cells are written empty. */
export interface UserRow {
  readonly user_id: string;
  readonly last_name: string;
  readonly first_name: string;
  readonly email: string;
  readonly function: string;
  readonly employer?: string;
  readonly kind: 'person' | 'technical';
  left_on?: string;
  function_changed_on?: string;
  change_reported_on?: string;
}

export interface SiteRow {
  readonly site_id: string;
  readonly name: string;
  readonly address: string;
}

export interface FacilityRow {
  readonly facility_id: string;
  readonly name: string;
  readonly site_id: string;
  readonly service: 'AFAS';
}

export interface GrantRow {
  readonly user_id: string;
  readonly service: 'AFAS';
  readonly profile: Profile;
  readonly scope_level: 'site' | 'facility';
  readonly scope_id: string;
  readonly granted_on: string;
  readonly revoked_on?: string;
  readonly granted_by: string;
}

/** Someone who shows up in the traces: the facilities they may act on during the whole window. */
export interface Actor {
  readonly userId: string;
  /** Their workstation's IP address: a person always works from the same one. */
  readonly origin: string;
  readonly facilities: readonly string[];
  /** Profile held on `facilities[i]`, which decides the actions they perform. */
  readonly profiles: readonly Profile[];
}

/** Everything the table writers need, built in memory (only traces are streamed). */
export interface SnapshotPlan {
  readonly users: readonly UserRow[];
  readonly sites: readonly SiteRow[];
  readonly facilities: readonly FacilityRow[];
  readonly grants: readonly GrantRow[];
  readonly actors: readonly Actor[];
  /** Facility ids each user may reach through any of their grants, active or not. */
  readonly reachableFacilities: ReadonlyMap<string, ReadonlySet<string>>;
  /** Distinct users with an AFAS grant active on the export date. */
  readonly activeUsers: number;
}

/** The subcontractor whose staff hold a few grants (declared in subcontractors.csv). */
export const SUBCONTRACTOR_NAME = 'Numérica Services';

export const ADMINISTRATOR_ID = 'U000001';
export const DEPUTY_ID = 'U000002';

// Violations are placed on sites by index, so each kind appears at a steady rate in large
// snapshots and at least once as soon as a snapshot has a handful of sites.
const EVERY_SITES = { quotaD3: [250, 3], quotaD2: [250, 5], departedActive: [1000, 4], dormant: [50, 2] } as const;

function onSchedule(siteIndex: number, [period, offset]: readonly [number, number]): boolean {
  return siteIndex % period === offset;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '');
}

class PlanBuilder {
  readonly users: UserRow[] = [];
  readonly sites: SiteRow[] = [];
  readonly facilities: FacilityRow[] = [];
  readonly grants: GrantRow[] = [];
  readonly dormant = new Set<string>();
  readonly facilitiesBySite = new Map<string, string[]>();

  constructor(private readonly random: Random) {}

  /** A new person, employed by the partner unless `employer` says otherwise. */
  person(profile: Profile, employer?: string): UserRow {
    const last = this.random.pick(LAST_NAMES);
    const first = this.random.pick(FIRST_NAMES);
    const id = `U${pad(this.users.length + 1, 6)}`;
    const domain = employer === SUBCONTRACTOR_NAME ? 'numerica-services.fr' : 'agglo-exemple.fr';
    const user: UserRow = {
      user_id: id,
      last_name: last,
      first_name: first,
      email: `${slug(first)}.${slug(last)}.${id.slice(1)}@${domain}`,
      function: this.random.pick(FUNCTIONS[profile]),
      employer,
      kind: 'person',
    };
    this.users.push(user);
    return user;
  }

  /** The day a newcomer's grants are given: mostly the opening day or the following months. */
  startDate(): string {
    if (this.random.chance(0.35)) return TIMELINE.accessOpenedOn;
    // One in twenty arrived in the last three months: too recent for their grants to be "unused".
    const [from, to] = this.random.chance(0.05) ? ['2024-04-01', '2024-06-20'] : [TIMELINE.accessOpenedOn, '2024-01-31'];
    return addDays(from, this.random.int(0, daysBetween(from, to)));
  }

  grant(user: UserRow, profile: Profile, level: 'site' | 'facility', scope: string, grantedOn: string, revokedOn?: string): void {
    const grantedBy = this.random.chance(0.7) ? ADMINISTRATOR_ID : DEPUTY_ID;
    this.grants.push({ user_id: user.user_id, service: 'AFAS', profile, scope_level: level, scope_id: scope, granted_on: grantedOn, revoked_on: revokedOn, granted_by: grantedBy });
  }

  addSite(index: number, previousFinance: UserRow | undefined): UserRow {
    const random = this.random;
    const siteId = `S${pad(index, 5)}`;
    const [postcode, town] = random.pick(TOWNS);
    this.sites.push({ site_id: siteId, name: `${random.pick(SITE_KINDS)} de ${town}`, address: `${random.int(1, 120)} ${random.pick(STREETS)} ${postcode} ${town}` });
    const facilityIds: string[] = [];
    const count = random.int(2, 6);
    for (let number = 1; number <= count; number += 1) {
      const id = `EQ${pad(index, 5)}-${number}`;
      facilityIds.push(id);
      this.facilities.push({ facility_id: id, name: `${random.pick(FACILITY_KINDS)} ${random.pick(FACILITY_NICKNAMES)}`, site_id: siteId, service: 'AFAS' });
    }
    this.facilitiesBySite.set(siteId, facilityIds);

    // The team of a site: approvers (D3), activity providers (D1), finance providers (D2) and
    // consultants (D4), within the AFAS quotas (D1 ≤ 2, D2 ≤ 2, D3 ≤ 1, D4 ≤ 2 per facility).
    const approvers = [this.person('D3'), ...(count > 4 ? [this.person('D3')] : [])];
    const activity = [this.person('D1'), this.person('D1')];
    const finance = previousFinance && random.chance(0.3) ? previousFinance : this.person('D2');
    const secondFinance = random.chance(0.5) ? activity[1] : this.person('D2');
    const consultant = this.person('D4', random.chance(0.05) ? SUBCONTRACTOR_NAME : undefined);
    const secondConsultant = index > 1 && random.chance(0.3) ? this.person('D4') : undefined;
    const start = new Map<UserRow, string>();
    const startOf = (user: UserRow): string => {
      if (!start.has(user)) start.set(user, this.startDate());
      return start.get(user)!;
    };
    const activitySiteLevel = random.chance(0.2);
    if (activitySiteLevel) this.grant(activity[0], 'D1', 'site', siteId, startOf(activity[0]));
    facilityIds.forEach((facility, position) => {
      const approver = approvers[position % approvers.length];
      this.grant(approver, 'D3', 'facility', facility, startOf(approver));
      if (!activitySiteLevel) this.grant(activity[0], 'D1', 'facility', facility, startOf(activity[0]));
      this.grant(activity[1], 'D1', 'facility', facility, startOf(activity[1]));
      this.grant(finance, 'D2', 'facility', facility, startOf(finance));
      if (random.chance(0.85)) this.grant(secondFinance, 'D2', 'facility', facility, startOf(secondFinance));
      this.grant(consultant, 'D4', 'facility', facility, startOf(consultant));
      if (secondConsultant && random.chance(0.5)) this.grant(secondConsultant, 'D4', 'facility', facility, startOf(secondConsultant));
    });

    // Quota overflows: a second approver, a third finance provider.
    if (onSchedule(index, EVERY_SITES.quotaD3)) this.grant(consultant, 'D3', 'facility', facilityIds[0], startOf(consultant));
    if (onSchedule(index, EVERY_SITES.quotaD2)) this.grant(this.person('D2'), 'D2', 'facility', facilityIds[0], TIMELINE.accessOpenedOn);
    // A consultant left in spring but kept their grants (and keeps using them).
    if (onSchedule(index, EVERY_SITES.departedActive)) consultant.left_on = addDays('2024-04-12', random.int(0, 20));
    // A consultant who never logs in: grants unused for months.
    if (onSchedule(index, EVERY_SITES.dormant) && startOf(consultant) < TIMELINE.tracesFrom) this.dormant.add(consultant.user_id);

    // History: someone whose grants were closed when they left or changed function.
    if (random.chance(0.3)) {
      const former = this.person(random.pick(['D1', 'D2', 'D4'] as const));
      const grantedOn = addDays(TIMELINE.accessOpenedOn, random.int(0, 60));
      const closedOn = addDays('2023-09-01', random.int(0, daysBetween('2023-09-01', '2024-05-31')));
      for (let n = random.int(1, 3); n > 0; n -= 1) {
        this.grant(former, random.pick(['D1', 'D2', 'D4'] as const), 'facility', random.pick(facilityIds), grantedOn, closedOn);
      }
      if (random.chance(0.5)) former.left_on = closedOn;
      else former.function_changed_on = closedOn;
      former.change_reported_on = addDays(closedOn, random.int(0, 3));
    }
    return finance;
  }

  /** Two technical accounts: one still holding a grant (a violation), one properly closed. */
  addTechnicalAccounts(facility: string): void {
    const exporter: UserRow = { user_id: 'TECH-EXPORT', last_name: 'EXPORT', first_name: 'Compte', email: 'export@agglo-exemple.fr', function: "Compte d'export automatique", kind: 'technical' };
    const sync: UserRow = { user_id: 'TECH-SYNC', last_name: 'SYNCHRO', first_name: 'Compte', email: 'synchro@agglo-exemple.fr', function: 'Compte de synchronisation', kind: 'technical' };
    this.users.push(exporter, sync);
    this.grant(exporter, 'D4', 'facility', facility, '2023-10-02');
    this.grant(sync, 'D4', 'facility', facility, '2023-07-03', '2023-11-30');
  }
}

/** The facilities a grant reaches: its facility, or every facility of its site. */
function facilitiesOf(grant: GrantRow, facilitiesBySite: ReadonlyMap<string, readonly string[]>): readonly string[] {
  return grant.scope_level === 'site' ? (facilitiesBySite.get(grant.scope_id) ?? []) : [grant.scope_id];
}

function isActiveOn(grant: GrantRow, date: string): boolean {
  return grant.granted_on <= date && (grant.revoked_on === undefined || grant.revoked_on > date);
}

/** A user's workstation address, unique per user. */
function originOf(position: number): string {
  return `10.${(position >> 16) & 255}.${(position >> 8) & 255}.${position & 255}`;
}

/**
 * Builds users, sites, facilities and exactly `grantCount` grants (about four per user),
 * with a sprinkling of violations, and the people who will appear in the traces.
 */
export function planSnapshot(grantCount: number, random: Random): SnapshotPlan {
  const builder = new PlanBuilder(random);
  let previousFinance: UserRow | undefined;
  for (let index = 1; builder.grants.length < grantCount; index += 1) {
    previousFinance = builder.addSite(index, previousFinance);
    if (index === 1) builder.addTechnicalAccounts(builder.facilities[0].facility_id);
  }
  const grants = builder.grants.slice(0, grantCount);

  const grantsByUser = new Map<string, GrantRow[]>();
  for (const grant of grants) {
    const list = grantsByUser.get(grant.user_id);
    if (list) list.push(grant);
    else grantsByUser.set(grant.user_id, [grant]);
  }
  const reachableFacilities = new Map<string, Set<string>>();
  const actors: Actor[] = [];
  builder.users.forEach((user, position) => {
    const userGrants = grantsByUser.get(user.user_id) ?? [];
    reachableFacilities.set(user.user_id, new Set(userGrants.flatMap((grant) => facilitiesOf(grant, builder.facilitiesBySite))));
    if (user.kind === 'technical' || builder.dormant.has(user.user_id)) return;
    if (user.left_on !== undefined && user.left_on <= TIMELINE.tracesFrom) return;
    // Only grants active over the whole window, so that every trace of theirs is in scope.
    const facilities: string[] = [];
    const profiles: Profile[] = [];
    for (const grant of userGrants) {
      if (grant.granted_on >= TIMELINE.tracesFrom || grant.revoked_on !== undefined) continue;
      for (const facility of facilitiesOf(grant, builder.facilitiesBySite)) {
        facilities.push(facility);
        profiles.push(grant.profile);
      }
    }
    if (facilities.length > 0) actors.push({ userId: user.user_id, origin: originOf(position + 1), facilities, profiles });
  });
  const activeUsers = new Set(grants.filter((grant) => isActiveOn(grant, TIMELINE.extractedOn)).map((grant) => grant.user_id)).size;
  return { users: builder.users, sites: builder.sites, facilities: builder.facilities, grants, actors, reachableFacilities, activeUsers };
}
