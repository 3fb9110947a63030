import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeIcsText, foldIcsLine } from '../../src/format/deadlines/ics-lines.js';
import { runCli } from '../cli/run-cli.js';

const FIXTURE = 'test/fixtures/deadlines/fin-de-mois';
const WAIVERS = 'test/fixtures/deadlines/waivers.yaml';

const lines = suite('iCalendar text');

lines('TEXT values escape backslash, semicolon, comma and line breaks', () => {
  assert.is(escapeIcsText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
});

lines('TEXT holds no control: ESC, BEL and bidi overrides are shown, a line break is still \\n', () => {
  assert.is(escapeIcsText('MARTIN\u001b]0;pwned\u0007 \u202Ex\nsuite'), 'MARTIN␛]0\\;pwned␇ ⟨U+202E⟩x\\nsuite');
});

lines('lines fold at 75 octets, never inside a UTF-8 sequence', () => {
  const line = `DESCRIPTION:${'é'.repeat(100)}`;
  const folded = foldIcsLine(line).split('\r\n');
  assert.ok(folded.length > 1);
  for (const part of folded) assert.ok(Buffer.byteLength(part) <= 75, `${Buffer.byteLength(part)} octets`);
  for (const part of folded.slice(1)) assert.is(part[0], ' ');
  assert.is(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join(''), line);
  assert.is(foldIcsLine('SHORT:x'), 'SHORT:x');
});

const calendar = suite('vigie deadlines --ics');

function icsOf(args: readonly string[] = []): { text: string; code: number; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-ics-'));
  try {
    const file = join(dir, 'echeances.ics');
    const run = runCli(['deadlines', FIXTURE, '--waivers', WAIVERS, '--ics', file, ...args]);
    assert.is(run.code, 0, run.stderr);
    return { text: readFileSync(file, 'utf8'), code: run.code, stdout: run.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

calendar('an RFC 5545 calendar a real parser reads: one all-day event per coming deadline', () => {
  const { text } = icsOf();
  const root = new ICAL.Component(ICAL.parse(text));
  assert.is(root.name, 'vcalendar');
  assert.is(root.getFirstPropertyValue('version'), '2.0');
  assert.match(String(root.getFirstPropertyValue('prodid')), 'vigie');
  const events = root.getAllSubcomponents('vevent');
  assert.is(events.length, 8);
  const uids = new Set<string>();
  for (const event of events) {
    const uid = String(event.getFirstPropertyValue('uid'));
    assert.match(uid, /^[0-9a-f]{32}@vigie$/);
    uids.add(uid);
    const stamp = event.getFirstPropertyValue('dtstamp') as ICAL.Time;
    assert.is(stamp.toString(), '2024-01-15T00:00:00Z');
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    assert.ok(start.isDate, 'DTSTART is a DATE');
    assert.is(event.getFirstProperty('dtstart')!.type, 'date');
    assert.ok(String(event.getFirstPropertyValue('summary')).length > 0);
  }
  assert.is(uids.size, events.length);
  const starts = events.map((event) => (event.getFirstPropertyValue('dtstart') as ICAL.Time).toString());
  assert.equal(starts, ['2024-01-20', '2024-02-29', '2024-02-29', '2024-02-29', '2024-03-31', '2024-05-31', '2024-06-30', '2024-06-30']);
  const summaries = events.map((event) => String(event.getFirstPropertyValue('summary')));
  assert.is(summaries[0], 'Escalade possible si l’incident reste sans réponse — incident INC-1 · Commune de Fin-de-Mois');
  assert.is(summaries[1], 'Dernier jour de réception d’une résiliation au 31/05/2024 — Commune de Fin-de-Mois');
});

calendar('DESCRIPTION survives escaping: semicolons, commas, backslashes and line breaks of a waiver reason', () => {
  const { text } = icsOf();
  const waiver = new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .find((event) => String(event.getFirstPropertyValue('summary')).startsWith('Dernier jour de la dérogation'))!;
  const description = String(waiver.getFirstPropertyValue('description'));
  assert.match(description, 'accordée par Caf du Nord, service partenaires : Suppléant en cours de désignation; délibération n° 12, art. 3 \\ à voter\nseconde ligne');
  assert.match(description, 'Clause CONV art. 9.1 (GOV-DEPUTY-MISSING) : « ');
  assert.match(description, 'Preuves : test/fixtures/deadlines/waivers.yaml:2');
});

calendar('CRLF line endings, every line at most 75 octets, long lines folded', () => {
  const { text } = icsOf();
  assert.ok(text.endsWith('\r\n'));
  assert.not.match(text.replace(/\r\n/g, ''), /[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
  assert.ok(physical.some((line) => line.startsWith(' ')), 'some line is folded');
  assert.is(physical[0], 'BEGIN:VCALENDAR');
  assert.is(physical[physical.length - 1], 'END:VCALENDAR');
});

calendar('byte-stable: same input, same file; UIDs survive a change of as-of date', () => {
  const first = icsOf();
  assert.is(icsOf().text, first.text);
  const later = icsOf(['--as-of', '2024-02-01']);
  const uidOf = (text: string) =>
    new Map(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => [String(event.getFirstPropertyValue('summary')), String(event.getFirstPropertyValue('uid'))]));
  const before = uidOf(first.text);
  const after = uidOf(later.text);
  const summary = 'Reconduction tacite de la convention — Commune de Fin-de-Mois';
  assert.ok(before.has(summary));
  assert.is(after.get(summary), before.get(summary));
  assert.match(later.text, 'DTSTAMP:20240201T000000Z');
});

lines.run();
calendar.run();
