import { MinHeap } from './min-heap.js';
import { businessDays, formatTimestamp, parisInstant, type TimestampStyle } from './paris-time.js';
import type { Random } from './random.js';
import type { Actor, Profile, SnapshotPlan } from './snapshot-plan.js';
import { TextSink } from './text-sink.js';
import { HOLIDAYS, TIMELINE } from './timeline.js';

/** Sessions start on business days between 08:00 and 17:30, Paris time. */
const WORKDAY_START_HOUR = 8;
const WORKDAY_SECONDS = 9.5 * 3600;

const enum SessionKind {
  Normal = 0,
  /** A program acting as a human: more than 60 actions within a minute (the automated-use rule). */
  Burst = 1,
  /** The previous session's account, used at the same time from another workstation (the shared-account rule). */
  Shared = 2,
}

const BURST_LENGTH = 90;
/** One burst and one shared account per this many rows (at least one of each in small logs). */
const SPECIAL_EVERY_ROWS = 500_000;
/** Rows at these positions name a facility the user holds no grant on (the out-of-scope rule). */
const OUT_OF_SCOPE_EVERY = { period: 200_000, offset: 41 };

export const TRACE_COLUMNS = ['at', 'user_id', 'action', 'facility_id', 'origin', 'session_id'] as const;

const ACTIONS: Readonly<Record<Profile, readonly string[]>> = {
  D1: ['saisie_activite', 'saisie_activite', 'consultation'],
  D2: ['saisie_financiere', 'saisie_financiere', 'consultation'],
  D3: ['approbation', 'consultation', 'consultation'],
  D4: ['consultation', 'consultation', 'export'],
};

/** Lengths and kinds of all sessions, summing to exactly the requested rows (three bytes each). */
interface SessionPlan {
  readonly lengths: Uint16Array;
  readonly kinds: Uint8Array;
  readonly count: number;
}

function planSessions(rows: number, random: Random): SessionPlan {
  const bursts = rows >= 200 ? Math.max(1, Math.round(rows / SPECIAL_EVERY_ROWS)) : 0;
  const shared = rows >= 50 ? Math.max(1, Math.round(rows / SPECIAL_EVERY_ROWS)) : 0;
  // Sessions average more than eight actions, so this rarely grows.
  let lengths = new Uint16Array(Math.ceil(rows / 8) + 16);
  let kinds = new Uint8Array(lengths.length);
  let count = 0;
  let burstsDone = 0;
  let sharedDone = 0;
  for (let sum = 0; sum < rows; count += 1) {
    if (count === lengths.length) {
      const [grownLengths, grownKinds] = [new Uint16Array(count * 2), new Uint8Array(count * 2)];
      grownLengths.set(lengths);
      grownKinds.set(kinds);
      [lengths, kinds] = [grownLengths, grownKinds];
    }
    const remaining = rows - sum;
    let length = Math.min(remaining, random.int(2, 12) + (random.chance(0.3) ? random.int(0, 30) : 0));
    let kind = SessionKind.Normal;
    if (burstsDone < bursts && sum >= (rows * (burstsDone + 0.5)) / bursts && remaining >= BURST_LENGTH) {
      [length, kind] = [BURST_LENGTH, SessionKind.Burst];
      burstsDone += 1;
    } else if (sharedDone < shared && count > 0 && sum >= (rows * (sharedDone + 0.25)) / shared) {
      kind = SessionKind.Shared;
      sharedDone += 1;
    }
    lengths[count] = length;
    kinds[count] = kind;
    sum += length;
  }
  return { lengths, kinds, count };
}

/** A session in progress: one user on one workstation, a few actions apart. */
interface LiveSession {
  nextAt: number;
  step: number;
  readonly length: number;
  readonly kind: SessionKind;
  readonly actorIndex: number;
  readonly origin: string;
  readonly id: string;
  /** Index in the actor's facilities of the one the session is mostly about. */
  readonly facility: number;
}

/** Maps "seconds of working time since the window opened" to instants, business day by business day. */
class WorkingClock {
  private readonly dayStarts: number[];
  readonly totalSeconds: number;

  constructor(from: string, to: string) {
    this.dayStarts = businessDays(from, to, HOLIDAYS).map((day) => parisInstant(day, WORKDAY_START_HOUR));
    this.totalSeconds = this.dayStarts.length * WORKDAY_SECONDS;
  }

  dayOf(workSeconds: number): number {
    return Math.min(this.dayStarts.length - 1, Math.floor(workSeconds / WORKDAY_SECONDS));
  }

  instant(workSeconds: number): number {
    const day = this.dayOf(workSeconds);
    return this.dayStarts[day] + Math.floor((workSeconds - day * WORKDAY_SECONDS) * 1000);
  }
}

function timestampStyle(random: Random): TimestampStyle {
  const draw = random.next();
  return draw < 0.97 ? 'iso-offset' : draw < 0.99 ? 'french-local' : 'iso-utc';
}

/** 0 … count-1 in random order (Fisher–Yates). */
function shuffled(count: number, random: Random): Int32Array {
  const order = new Int32Array(count);
  for (let index = 0; index < count; index += 1) order[index] = index;
  for (let index = count - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

/** A facility the user holds no grant on, if the snapshot has one. */
function outOfScopeFacility(plan: SnapshotPlan, userId: string, random: Random): string | undefined {
  const reachable = plan.reachableFacilities.get(userId);
  const start = random.int(0, plan.facilities.length - 1);
  for (let offset = 0; offset < plan.facilities.length; offset += 1) {
    const facility = plan.facilities[(start + offset) % plan.facilities.length].facility_id;
    if (!reachable?.has(facility)) return facility;
  }
  return undefined;
}

/**
 * Writes `rows` trace lines sorted by time over the trace window, streaming: sessions are
 * simulated as events (a heap of the few sessions open at once), so memory does not grow
 * with `rows`. Users act on facilities they hold grants for, from their own workstation,
 * except for the scheduled violations (bursts, shared accounts, out-of-scope rows).
 */
export async function writeTraces(path: string, plan: SnapshotPlan, rows: number, random: Random): Promise<number> {
  const sink = new TextSink(path);
  await sink.writeLine(TRACE_COLUMNS.join(','));
  const actors = plan.actors;
  if (rows > 0 && actors.length === 0) throw new Error('no user holds a grant active over the trace window: cannot write traces');
  const sessions = planSessions(rows, random);
  const clock = new WorkingClock(TIMELINE.tracesFrom, TIMELINE.tracesTo);
  const spacing = clock.totalSeconds / Math.max(1, sessions.count);
  const liveSessions = new Int32Array(actors.length);
  const heap = new MinHeap<LiveSession>((session) => session.nextAt);

  let opened = 0;
  let previousStart = 0;
  let previousActor = 0;
  let pendingStart: number | undefined;

  const startOf = (index: number): number => {
    let start = (index + random.next() * 0.999) * spacing;
    if (sessions.kinds[index] === SessionKind.Shared) {
      // Right after the previous session started, the same day: well within ten minutes.
      start = previousStart + Math.min(120, spacing / 2);
      if (clock.dayOf(start) !== clock.dayOf(previousStart)) start = previousStart;
    }
    previousStart = start;
    return clock.instant(start);
  };

  // Most sessions go round a shuffled roster, so that everyone with a grant logs in now and
  // then all through the window (unused grants stay the scheduled exception); the rest go to
  // whoever, which makes some people busier than others.
  const roster = shuffled(actors.length, random);
  let rosterCursor = 0;
  const pickActor = (): number => {
    const draw = (): number => (random.chance(0.75) ? roster[rosterCursor++ % roster.length] : random.int(0, actors.length - 1));
    let candidate = draw();
    for (let attempt = 0; attempt < 8 && liveSessions[candidate] > 0; attempt += 1) candidate = draw();
    return candidate;
  };

  const open = (index: number, at: number): LiveSession => {
    const kind = sessions.kinds[index] as SessionKind;
    const actorIndex = kind === SessionKind.Shared ? previousActor : pickActor();
    const actor: Actor = actors[actorIndex];
    previousActor = actorIndex;
    liveSessions[actorIndex] += 1;
    return {
      nextAt: at,
      step: 0,
      length: sessions.lengths[index],
      kind,
      actorIndex,
      // TEST-NET-1 addresses (RFC 5737): nobody's workstation.
      origin: kind === SessionKind.Shared ? `192.0.2.${(index % 254) + 1}` : actor.origin,
      id: `ses-${index.toString(36).padStart(6, '0')}`,
      facility: random.int(0, actor.facilities.length - 1),
    };
  };

  for (let written = 0; written < rows; written += 1) {
    if (pendingStart === undefined && opened < sessions.count) pendingStart = startOf(opened);
    let session = heap.peek();
    while (session === undefined || (pendingStart !== undefined && pendingStart < session.nextAt)) {
      heap.push(open(opened, pendingStart!));
      opened += 1;
      pendingStart = opened < sessions.count ? startOf(opened) : undefined;
      session = heap.peek();
    }
    const actor = actors[session.actorIndex];
    const facilityIndex = session.step > 0 && random.chance(0.1) ? random.int(0, actor.facilities.length - 1) : session.facility;
    let facility = actor.facilities[facilityIndex];
    let action =
      session.step === 0 ? 'connexion'
      : session.step === session.length - 1 ? 'deconnexion'
      : session.kind === SessionKind.Burst ? 'export'
      : random.pick(ACTIONS[actor.profiles[facilityIndex]]);
    if (written % OUT_OF_SCOPE_EVERY.period === OUT_OF_SCOPE_EVERY.offset) {
      const elsewhere = outOfScopeFacility(plan, actor.userId, random);
      if (elsewhere !== undefined) [facility, action] = [elsewhere, 'consultation'];
    }
    const at = formatTimestamp(session.nextAt, timestampStyle(random));
    await sink.writeLine(`${at},${actor.userId},${action},${facility},${session.origin},${session.id}`);

    session.step += 1;
    if (session.step === session.length) {
      heap.pop();
      liveSessions[session.actorIndex] -= 1;
    } else {
      const pause = session.kind === SessionKind.Burst ? random.int(300, 900) : random.int(3_000, 90_000) + (random.chance(0.1) ? random.int(60_000, 600_000) : 0);
      session.nextAt += pause;
      heap.siftTop();
    }
  }
  await sink.close();
  return rows;
}
