import { createHash } from 'node:crypto';
import { fill } from '../../report/labels.js';
import type { Deadline, DeadlinesReport } from '../../deadlines/deadline-types.js';
import { deadlineLabels } from '../../deadlines/deadline-labels.js';
import { Duration } from 'luxon';
import { shiftDate } from '../../util/dates.js';
import { deadlineClause, deadlineSubject } from './deadline-cells.js';
import type { FormatOptions } from '../format-options.js';
import { escapeIcsText, foldIcsLine } from './ics-lines.js';

const ONE_DAY = Duration.fromObject({ days: 1 });

/**
 * The coming deadlines as iCalendar all-day events; byte-stable: UIDs hash the deadline, so a
 * re-import updates events, and DTSTAMP is the as-of date rather than the clock.
 */
export function formatIcs(report: DeadlinesReport, options: FormatOptions): string {
  const words = deadlineLabels(options.lang);
  const partner = report.snapshot.partner;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//vigie//vigie ${report.tool.version}//${options.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(fill(words.view.calendar, { partner }))}`,
  ];
  const stamp = `${compact(report.asOf)}T000000Z`;
  for (const deadline of report.deadlines) {
    const subject = deadlineSubject(deadline, options.lang);
    const clause = deadlineClause(deadline, options.lang);
    const description = [
      deadline.detail,
      ...(deadline.source ? [fill(words.view.clauseLine, { clause, rule: deadline.ruleId ? ` (${deadline.ruleId})` : '', quote: deadline.source.quote })] : []),
      fill(words.view.subjectLine, { subject }),
      fill(words.view.evidenceLine, { evidence: deadline.evidence.map((item) => `${item.file}:${item.line}`).join(', ') }),
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${eventUid(report, deadline)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(deadline.date)}`,
      `DTEND;VALUE=DATE:${compact(shiftDate(deadline.date, ONE_DAY))}`,
      `SUMMARY:${escapeIcsText(`${deadline.title} — ${deadline.subject.type === 'partner' ? partner : `${subject} · ${partner}`}`)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      `CATEGORIES:${escapeIcsText('vigie')},${escapeIcsText(deadline.kind)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/** Stable across runs and as-of dates: the same deadline of the same partner keeps its event. */
function eventUid(report: DeadlinesReport, deadline: Deadline): string {
  const partner = report.snapshot.siret ?? report.snapshot.partner;
  const key = [partner, deadline.kind, deadline.subject.type, deadline.subject.id, deadline.date].join('\u0000');
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@vigie`;
}

function compact(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}
