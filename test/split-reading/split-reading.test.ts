import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluate, readLaterPart, type Evaluation } from '../../src/engine/evaluate.js';
import { readsStreams } from '../../src/engine/reads-streams.js';
import { workerLoad } from '../../src/split-reading/worker-load.js';
import { lineAt, traceBoundary } from '../../src/split-reading/trace-boundary.js';
import type { PassPart } from '../../src/stream/pass-part.js';
import { checkSnapshot, loadCatalogue, type Catalogue, type SnapshotOutcome } from '../../src/pipeline/run-check.js';
import { packPart, unpackPart } from '../../src/split-reading/packed-part.js';
import type { TraceWorker } from '../../src/split-reading/trace-worker.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import type { Snapshot } from '../../src/snapshot/snapshot-types.js';

// The traces can be read in two parts, by two threads: the part from a line's start to the end
// (readLaterPart, the worker's), merged into the pass over the part before it (the main
// thread's). Whatever the line the file is cut at, the report must be the one of one reading.

const AS_OF = '2024-06-30';

async function load(dir: string): Promise<Snapshot> {
  const loaded = await loadSnapshot(dir, { lenient: false });
  if (!loaded.snapshot) throw new Error(JSON.stringify(loaded.errors));
  return loaded.snapshot;
}

/** The byte offsets of the starts of the lines of a file after the header, and their numbers. */
function lineStarts(path: string): { offset: number; line: number }[] {
  const bytes = readFileSync(path);
  const starts: { offset: number; line: number }[] = [];
  let line = 1;
  for (let at = bytes.indexOf(10); at !== -1 && at + 1 < bytes.length; at = bytes.indexOf(10, at + 1)) {
    line++;
    starts.push({ offset: at + 1, line });
  }
  return starts;
}

/** An evaluation as a file with other line ends would give it: the same but for the manifest's line ends. */
function withLineEnds(evaluation: Evaluation, lineEnds: 'cr'): Evaluation {
  return { ...evaluation, reads: Object.fromEntries(Object.entries(evaluation.reads).map(([file, read]) => [file, { ...read, lineEnds }])) };
}

async function whole(dir: string, catalogue: Catalogue, lenient = false): Promise<Evaluation> {
  return evaluate(await load(dir), catalogue.rules, catalogue.shared, { asOf: AS_OF, lang: 'fr', lenient });
}

/** Evaluation with the traces cut at `offset`: the later part read apart (as the worker does), then merged. */
async function cut(dir: string, catalogue: Catalogue, start: { offset: number; line: number }, options: { lenient?: boolean; later?: (part: PassPart) => PassPart | undefined } = {}): Promise<Evaluation> {
  const lenient = options.lenient ?? false;
  // The worker's reading: the tables and columns of the trace rules only.
  const loaded = await loadSnapshot(dir, { lenient, ...workerLoad(catalogue.rules.filter(readsStreams), catalogue.shared) });
  if (!loaded.snapshot) throw new Error(JSON.stringify(loaded.errors));
  const part = await readLaterPart(loaded.snapshot, catalogue.rules, catalogue.shared, { asOf: AS_OF, lang: 'fr', lenient }, { start: start.offset, line: start.line });
  // As it crosses threads: each consumer's part serialized, deserialized when merged.
  const { packed } = packPart(part);
  const later = options.later ? options.later(unpackPart(packed)) : unpackPart(packed);
  return evaluate(await load(dir), catalogue.rules, catalogue.shared, { asOf: AS_OF, lang: 'fr', lenient, split: { boundary: start.offset, later: () => Promise.resolve(later) } });
}

/**
 * Traces of the sample's users that put every merge to work: dense bursts (windows of more
 * than 20 rows), origins switching within minutes (close pairs, more than 20 of them), rows
 * on facilities no grant covers, and rows after a departure.
 */
function syntheticTraces(): string {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // U004 left on 31/03/2024: its rows of that day and after are late.
  const users = ['U001', 'U002', 'U003', 'U004', 'U007'];
  const facilities = ['EQ-CTG', 'EQ-RPE', 'EQ-CTG', ''];
  const lines = ['at,user_id,action,facility_id,origin,session_id'];
  let clock = Date.UTC(2024, 2, 30, 23, 0, 0);
  for (let row = 0; row < 420; row++) {
    const user = users[Math.floor(random() * users.length)];
    // Bursts: a second apart most of the time, sometimes an hour (winter to summer time is crossed).
    clock += random() < 0.9 ? Math.floor(random() * 1500) : 3_600_000;
    const origin = random() < 0.35 ? '10.0.0.2' : '10.0.0.1';
    const facility = facilities[Math.floor(random() * facilities.length)];
    lines.push(`${new Date(clock).toISOString().replace('.000Z', 'Z')},${user},consultation,${facility},${origin},s${row % 17}`);
  }
  return `${lines.join('\n')}\n`;
}

function syntheticSnapshot(traces: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-split-'));
  cpSync('samples/ca2c-2023', dir, { recursive: true });
  writeFileSync(join(dir, 'traces.csv'), traces);
  // A grant revoked before the traces: U003's rows on EQ-RPE stay out of scope (the worker
  // must read revocations, which the rules do not name: active_at does).
  const grants = readFileSync(join(dir, 'habilitations.csv'), 'utf8');
  writeFileSync(join(dir, 'habilitations.csv'), `${grants.trimEnd()}\nU003;AFAS;Consultant;équipement;EQ-RPE;15/06/2023;15/03/2024;U001\n`);
  return dir;
}

/** The synthetic snapshot whose record of line 51 has a quoted cell spanning two lines (line 52 starts inside it). */
function snapshotWithCellOnTwoLines(): string {
  const rows = syntheticTraces().trimEnd().split('\n');
  rows.splice(50, 1, rows[50].replace(/,consultation,/, ',"consultation\nsur deux lignes",'));
  return syntheticSnapshot(`${rows.join('\n')}\n`);
}

/** Thresholds low enough that the synthetic traces fire the sequence rules with many lines. */
function loweredCatalogue(dir: string): Catalogue {
  const config = join(dir, 'vigie.config.yaml');
  // Two minutes: windows of more than 20 rows on the personal accounts (U007, technical, is HAB-TECHNICAL-ACCOUNT's).
  writeFileSync(config, 'rules:\n  HAB-AUTOMATED-USE:\n    params: {max_actions: 4, window: PT120S}\n  HAB-SHARED-ACCOUNT:\n    params: {gap: PT2M}\n  HAB-ORIGIN-SWITCH:\n    params: {gap: PT2M}\n');
  return loadCatalogue({ lang: 'fr', config });
}

const split = suite('traces read in two parts, merged');

split('the sample: cut anywhere, the report of one reading', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const alone = await whole('samples/ca2c-2023', catalogue);
  // U007's nightly bursts are read (HAB-AUTOMATED-USE evaluated), reported as a technical account's; traces after a departure fire.
  assert.ok(alone.report && alone.report.rules.some((rule) => rule.id === 'HAB-AUTOMATED-USE' && rule.status === 'passed'));
  assert.ok(alone.report.findings.some((finding) => finding.ruleId === 'HAB-ACCESS-AFTER-DEPARTURE'));
  const starts = lineStarts('samples/ca2c-2023/traces.csv');
  for (const start of starts.filter((_, index) => index % 7 === 0 || index === starts.length - 1)) {
    assert.equal(await cut('samples/ca2c-2023', catalogue, start), alone, `cut at line ${start.line}`);
  }
});

split('bursts, switches and long evidence lists: cut anywhere, the report of one reading', async () => {
  const dir = syntheticSnapshot(syntheticTraces());
  try {
    const catalogue = loweredCatalogue(dir);
    const alone = await whole(dir, catalogue);
    const fired = (id: string) => alone.report!.findings.filter((finding) => finding.ruleId === id);
    // The cuts fall inside windows and between switches that cite more lines than a finding keeps.
    assert.ok(fired('HAB-AUTOMATED-USE').some((finding) => (finding.evidenceTotal ?? 0) > 20), 'a window of more than 20 rows');
    assert.ok(fired('HAB-SHARED-ACCOUNT').some((finding) => (finding.evidenceTotal ?? 0) > 20), 'more than 20 rows in returns to an origin');
    assert.ok(fired('HAB-OUT-OF-SCOPE-ACCESS').length > 0);
    assert.ok(fired('HAB-ACCESS-AFTER-DEPARTURE').some((finding) => (finding.evidenceTotal ?? 0) > 20), 'more than 20 rows after a departure');
    // Every third line: each cut falls inside windows and pairs of several users (a second apart).
    for (const start of lineStarts(join(dir, 'traces.csv')).filter((_, index) => index % 3 === 0)) {
      assert.equal(await cut(dir, catalogue, start), alone, `cut at line ${start.line}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('a file out of time order whose user pairs across the cut: the worker kept no evidence for it, this thread reads its part, the report of one reading', async () => {
  // Each user's rows are in time order, the file is not: the worker's part starts at 08:00 and
  // U001's first row in it, at 10:05, pairs with its row of 10:00 before the cut.
  const rows = [
    'at,user_id,action,facility_id,origin,session_id',
    '2024-03-01T10:00:00Z,U001,consultation,EQ-CTG,10.0.0.1,s1',
    '2024-03-01T08:00:00Z,U002,consultation,EQ-CTG,10.0.0.1,s2',
    '2024-03-01T08:05:00Z,U003,consultation,EQ-CTG,10.0.0.1,s5',
    '2024-03-01T10:05:00Z,U001,consultation,EQ-CTG,10.0.0.2,s3',
    '2024-03-01T10:06:00Z,U001,consultation,EQ-CTG,10.0.0.3,s4',
  ];
  const dir = syntheticSnapshot(`${rows.join('\n')}\n`);
  try {
    const catalogue = loadCatalogue({ lang: 'fr' });
    const alone = await whole(dir, catalogue);
    const shared = alone.report!.findings.find((finding) => finding.ruleId === 'HAB-ORIGIN-SWITCH' && finding.subject.id === 'U001');
    assert.ok(shared, 'U001 switches origins');
    assert.ok(shared.evidence.some((record) => record.line === 5 && record.values?.session_id === 's3'), 'the row of 10:05 cited whole');
    const start = lineStarts(join(dir, 'traces.csv'))[1];
    assert.is(start.line, 3);
    // The worker's part holds U001's first row without the row itself (10:05 is more than 10
    // minutes after 08:00), and the rows of the users that may pair across the cut...
    const loaded = await loadSnapshot(dir, { lenient: false, ...workerLoad(catalogue.rules.filter(readsStreams), catalogue.shared) });
    const part = await readLaterPart(loaded.snapshot!, catalogue.rules, catalogue.shared, { asOf: AS_OF, lang: 'fr' }, { start: start.offset, line: start.line });
    const pairs = part.consumers.map((consumer) => (typeof consumer === 'function' ? consumer() : consumer)).find((consumer) => consumer.columns.headPaired !== undefined && consumer.columns.headRecord !== undefined)!;
    const kept = (pairs.columns.headRecord as ({ line: number } | undefined)[]).map((record) => record?.line);
    assert.equal(pairs.keys, ['U002', 'U003', 'U001']);
    assert.equal(kept, [3, 4, undefined]);
    // ...so the parts are not merged: this thread reads the worker's part, and the report is the same.
    assert.equal(await cut(dir, catalogue, start), alone);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('a row out of order: the same rule left unevaluated, at the same line, wherever the cut', async () => {
  const rows = syntheticTraces().trimEnd().split('\n');
  // Row 200 moved after row 260: its user's next rows are older, one of them first.
  const moved = [...rows.slice(0, 200), ...rows.slice(201, 261), rows[200], ...rows.slice(261)];
  const dir = syntheticSnapshot(`${moved.join('\n')}\n`);
  try {
    const catalogue = loweredCatalogue(dir);
    const alone = await whole(dir, catalogue);
    const statuses = alone.report!.rules.filter((rule) => rule.status === 'not_evaluated' && /traces\.csv:\d+/.test(rule.reason ?? ''));
    assert.ok(statuses.length > 0, JSON.stringify(alone.report!.rules.map((rule) => [rule.id, rule.status, rule.reason])));
    for (const start of lineStarts(join(dir, 'traces.csv')).filter((start) => start.line > 190 && start.line < 275)) {
      assert.equal(await cut(dir, catalogue, start), alone, `cut at line ${start.line}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('bad rows in both parts: all their errors, in line order; --lenient skips each once', async () => {
  const rows = syntheticTraces().trimEnd().split('\n');
  rows.splice(100, 0, '2024-04-31T10:00:00Z,U001,consultation,EQ-CTG,10.0.0.1,s1');
  rows.splice(300, 0, 'pas une date,U002,consultation,EQ-CTG,10.0.0.1,s1');
  const dir = syntheticSnapshot(`${rows.join('\n')}\n`);
  try {
    const catalogue = loadCatalogue({ lang: 'fr' });
    const start = lineStarts(join(dir, 'traces.csv')).find((candidate) => candidate.line === 200)!;
    const alone = await whole(dir, catalogue);
    assert.equal(
      alone.errors.map((error) => error.line),
      [101, 301],
    );
    assert.equal(await cut(dir, catalogue, start), alone);
    const lenient = await whole(dir, catalogue, true);
    assert.equal(
      lenient.skipped.map((row) => row.line),
      [101, 301],
    );
    assert.equal(await cut(dir, catalogue, start, { lenient: true }), lenient);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('the rows of the traces are counted once, cut anywhere: the whole file\'s, with its line ends and encoding', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const alone = await whole('samples/ca2c-2023', catalogue);
  // 839 lines: the header and 838 rows.
  assert.equal(alone.reads, { 'traces.csv': { rows: 838, skipped: 0, lineEnds: 'lf', encoding: 'utf-8' } });
  for (const start of lineStarts('samples/ca2c-2023/traces.csv').filter((_, index) => index % 97 === 0)) {
    assert.equal((await cut('samples/ca2c-2023', catalogue, start)).reads, alone.reads, `cut at line ${start.line}`);
  }
});

split('bad rows skipped by --lenient in both parts are counted in the file\'s rows and skipped', async () => {
  const rows = syntheticTraces().trimEnd().split('\n');
  rows.splice(100, 0, '2024-04-31T10:00:00Z,U001,consultation,EQ-CTG,10.0.0.1,s1');
  rows.splice(300, 0, 'pas une date,U002,consultation,EQ-CTG,10.0.0.1,s1');
  const dir = syntheticSnapshot(`${rows.join('\r\n')}\r\n`);
  try {
    const catalogue = loadCatalogue({ lang: 'fr' });
    const lenient = await whole(dir, catalogue, true);
    assert.equal(lenient.reads, { 'traces.csv': { rows: 422, skipped: 2, lineEnds: 'crlf', encoding: 'utf-8' } });
    const start = lineStarts(join(dir, 'traces.csv')).find((candidate) => candidate.line === 200)!;
    assert.equal((await cut(dir, catalogue, start, { lenient: true })).reads, lenient.reads);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('a cut inside a quoted cell that spans lines: the first part reads on to the end, the report is the same', async () => {
  const dir = snapshotWithCellOnTwoLines();
  try {
    const catalogue = loadCatalogue({ lang: 'fr' });
    const alone = await whole(dir, catalogue);
    // The line feed inside the quotes starts line 52, in the middle of the record of line 51.
    const inside = lineStarts(join(dir, 'traces.csv')).find((start) => start.line === 52)!;
    let merged = false;
    const evaluation = await cut(dir, catalogue, inside, {
      later: (part) => {
        merged = true;
        return part;
      },
    });
    assert.ok(merged);
    assert.equal(evaluation, alone);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('a trace file in Windows-1252 (what French Excel writes): cut anywhere, the report of one reading in UTF-8', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const alone = await whole('samples/ca2c-2023', catalogue);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-split-1252-'));
  try {
    cpSync('samples/ca2c-2023', dir, { recursive: true });
    const text = readFileSync('samples/ca2c-2023/traces.csv', 'utf8');
    assert.match(text, /données/);
    writeFileSync(join(dir, 'traces.csv'), iconv.encode(text, 'win1252'));
    const same = JSON.parse(JSON.stringify(alone).replaceAll('samples/ca2c-2023', dir)) as Evaluation;
    // Only the manifest tells the encodings apart: the file was read in Windows-1252.
    const expected: Evaluation = { ...same, reads: { 'traces.csv': { ...same.reads['traces.csv'], encoding: 'windows-1252' } } };
    assert.equal(await whole(dir, catalogue), expected);
    const starts = lineStarts(join(dir, 'traces.csv'));
    for (const start of starts.filter((_, index) => index % 50 === 0)) {
      assert.equal(await cut(dir, catalogue, start), expected, `cut at line ${start.line}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('a trace file with CR line ends (old Mac exports): every row read, the report of the LF file, one thread or two', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const dir = mkdtempSync(join(tmpdir(), 'vigie-split-cr-'));
  try {
    cpSync('samples/ca2c-2023', dir, { recursive: true });
    const lf = await whole(dir, catalogue);
    assert.ok(lf.report);
    for (const name of ['traces.csv', 'users.csv']) writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace(/\r?\n/g, '\r'));
    const cr = await whole(dir, catalogue);
    // The same findings at the same lines: the rules on traces judged rows they read, not an empty file.
    // Only the manifest's line ends tell the two files apart.
    assert.is(cr.reads['traces.csv'].lineEnds, 'cr');
    assert.equal(cr, withLineEnds(lf, 'cr'));
    assert.ok(cr.report!.rules.some((rule) => rule.id === 'HAB-ACCESS-AFTER-DEPARTURE' && rule.status === 'failed'));
    const bytes = readFileSync(join(dir, 'traces.csv'));
    const starts: { offset: number; line: number }[] = [];
    for (let at = bytes.indexOf(13), line = 2; at !== -1 && at + 1 < bytes.length; at = bytes.indexOf(13, at + 1), line++) starts.push({ offset: at + 1, line });
    for (const start of starts.filter((_, index) => index % 60 === 7)) {
      assert.is(await lineAt(join(dir, 'traces.csv'), start.offset), start.line);
      assert.equal(await cut(dir, catalogue, start), cr, `cut at line ${start.line}`);
    }
    // Where the second thread starts in a CR file: a line start, counted as the scan counts.
    process.env.VIGIE_TRACE_WORKER = '1';
    const boundary = await traceBoundary(join(dir, 'traces.csv'));
    delete process.env.VIGIE_TRACE_WORKER;
    assert.ok(boundary !== undefined && bytes[boundary - 1] === 13, String(boundary));
    const start = starts.find((candidate) => candidate.offset === boundary)!;
    assert.ok(start);
    assert.equal(await cut(dir, catalogue, start), cr);
  } finally {
    delete process.env.VIGIE_TRACE_WORKER;
    rmSync(dir, { recursive: true, force: true });
  }
});

split('lineAt counts LF, CRLF and CR each one line, a CRLF cut by a block included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-line-at-'));
  try {
    const path = join(dir, 'traces.csv');
    writeFileSync(path, 'a\nb\r\nc\rd\n\re');
    assert.equal(await Promise.all([0, 2, 5, 7, 9, 10].map((offset) => lineAt(path, offset))), [1, 2, 3, 4, 5, 6]);
    // A CRLF across lineAt's one-megabyte reads counts once.
    writeFileSync(path, Buffer.concat([Buffer.alloc((1 << 20) - 1, 0x61), Buffer.from('\r\nx\ry')]));
    assert.is(await lineAt(path, (1 << 20) + 1), 2);
    assert.is(await lineAt(path, (1 << 20) + 3), 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('a file in UTF-8 for its first megabyte and one Windows-1252 line after: one error at that line, however the file is cut', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const dir = mkdtempSync(join(tmpdir(), 'vigie-split-mixed-'));
  try {
    cpSync('samples/ca2c-2023', dir, { recursive: true });
    const sample = readFileSync('samples/ca2c-2023/traces.csv', 'utf8').trimEnd();
    assert.match(sample.split('\n')[0], /équipement/);
    // Rows enough to pass the first megabyte, then one row with a Windows-1252 « é ».
    const filler = Array.from({ length: 16_000 }, (_, index) => `30/06/2024 ${String(Math.floor(index / 60) % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')};U999;Consultation;EQ-CTG;10.0.0.9;filler-session-${index}`);
    const bytes = Buffer.concat([Buffer.from(`${sample}\n${filler.join('\n')}\n`, 'utf8'), iconv.encode('30/06/2024 23:59;U999;Créé;EQ-CTG;10.0.0.9;x\n', 'win1252')]);
    assert.ok(bytes.length > 1 << 20);
    writeFileSync(join(dir, 'traces.csv'), bytes);
    const alone = await whole(dir, catalogue);
    const starts = lineStarts(join(dir, 'traces.csv'));
    // Never re-decoded silently: the file is refused, at the line that is not UTF-8, « é » shown in hex.
    const last = starts[starts.length - 1].line;
    assert.equal(alone.errors.map(({ line, column, code, value, params }) => [line, column, code, value, params?.bytes]), [[last, 25, 'mixed-encoding', '30/06/2024 23:59;U999;Cr\\xE9\\xE9;EQ-CTG;10.0.0.9;x', 'E9 E9 3B 45']]);
    assert.is(alone.report, undefined);
    for (const start of [starts[400], starts[starts.length - 2]]) assert.equal(await cut(dir, catalogue, start), alone, `cut at line ${start.line}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

split('a worker that failed, or built other aggregates, or started on another line: this thread reads its part', async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const alone = await whole('samples/ca2c-2023', catalogue);
  const start = lineStarts('samples/ca2c-2023/traces.csv')[400];
  assert.equal(await cut('samples/ca2c-2023', catalogue, start, { later: () => undefined }), alone);
  assert.equal(await cut('samples/ca2c-2023', catalogue, start, { later: (part) => ({ ...part, signatures: part.signatures.slice(1) }) }), alone);
  assert.equal(await cut('samples/ca2c-2023', catalogue, start, { later: (part) => ({ ...part, line: part.line + 1 }) }), alone);
  // And a part that is well formed is really merged: emptied, its rows are missing from the report.
  const emptied = await cut('samples/ca2c-2023', catalogue, start, { later: (part) => ({ ...part, consumers: part.consumers.map(() => ({ keys: [], columns: {} })) }) });
  assert.not.equal(emptied, alone);
});

split("vigie check with a worker: the one-thread report, and the trace file's progress adds both parts' rows", async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const alone = reportOf(await checkSnapshot('samples/ca2c-2023', catalogue, { lang: 'fr', singleThread: true }));
  const start = lineStarts('samples/ca2c-2023/traces.csv')[500];
  // What the worker would do: read the later part, reporting its rows as it goes (from the
  // moment its progress is listened to, so that no report is lost whatever the timing).
  let listener: ((event: { file: string; rows: number; done: boolean }) => void) | undefined;
  let listened = () => undefined as void;
  const outcome = new Promise<void>((resolve) => (listened = resolve)).then(async () =>
    readLaterPart(await load('samples/ca2c-2023'), catalogue.rules, catalogue.shared, { asOf: AS_OF, lang: 'fr', onProgress: (event) => listener?.(event) }, { start: start.offset, line: start.line }),
  );
  const worker: TraceWorker = {
    boundary: start.offset,
    done: outcome.then((part) => part !== undefined),
    take: () => outcome,
    listen: (onProgress) => {
      listener = onProgress;
      listened();
    },
    cancel: () => undefined,
  };
  const progress: { file: string; rows: number; done: boolean }[] = [];
  const split = reportOf(await checkSnapshot('samples/ca2c-2023', catalogue, { lang: 'fr', traceWorker: worker, onProgress: (event) => progress.push(event) }));
  assert.equal(split, alone);
  const traces = progress.filter((event) => event.file === 'traces.csv');
  const last = traces[traces.length - 1];
  // 838 rows after the header, read 501 here and 337 by the worker; done once both parts are.
  assert.equal(last, { file: 'traces.csv', rows: 838, done: true });
  assert.ok(traces.slice(0, -1).every((event) => !event.done), JSON.stringify(traces));
});

split("a worker that fails: this thread reads its part, and the trace file's progress says done only at the end", async () => {
  const catalogue = loadCatalogue({ lang: 'fr' });
  const alone = reportOf(await checkSnapshot('samples/ca2c-2023', catalogue, { lang: 'fr', singleThread: true }));
  const start = lineStarts('samples/ca2c-2023/traces.csv')[500];
  const worker: TraceWorker = { boundary: start.offset, done: Promise.resolve(false), take: () => Promise.resolve(undefined), listen: () => undefined, cancel: () => undefined };
  const progress: { file: string; rows: number; done: boolean }[] = [];
  assert.equal(reportOf(await checkSnapshot('samples/ca2c-2023', catalogue, { lang: 'fr', traceWorker: worker, onProgress: (event) => progress.push(event) })), alone);
  const traces = progress.filter((event) => event.file === 'traces.csv');
  assert.equal(traces[traces.length - 1], { file: 'traces.csv', rows: 838, done: true });
  assert.ok(traces.slice(0, -1).every((event) => !event.done), JSON.stringify(traces.filter((event) => event.done)));
});

split("a worker that fails while the first part reads on to the end (a quoted cell spans the cut): the trace file's progress ends done", async () => {
  const dir = snapshotWithCellOnTwoLines();
  try {
    const catalogue = loadCatalogue({ lang: 'fr' });
    const inside = lineStarts(join(dir, 'traces.csv')).find((start) => start.line === 52)!;
    const worker: TraceWorker = { boundary: inside.offset, done: Promise.resolve(false), take: () => Promise.resolve(undefined), listen: () => undefined, cancel: () => undefined };
    const progress: { file: string; rows: number; done: boolean }[] = [];
    await checkSnapshot(dir, catalogue, { lang: 'fr', traceWorker: worker, onProgress: (event) => progress.push(event) });
    const traces = progress.filter((event) => event.file === 'traces.csv');
    assert.equal(traces[traces.length - 1], { file: 'traces.csv', rows: 420, done: true });
    assert.ok(traces.slice(0, -1).every((event) => !event.done));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** What two runs must agree on: the snapshot an outcome carries holds closures (a streamed table's reader) of its own run. */
function reportOf(outcome: SnapshotOutcome): unknown {
  return outcome.kind === 'report' ? outcome.report : outcome;
}

split.run();
