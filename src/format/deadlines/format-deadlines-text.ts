import { labels, fill } from '../../report/labels.js';
import type { Deadline, DeadlinesReport } from '../../deadlines/deadline-types.js';
import { deadlineLabels } from '../../deadlines/deadline-labels.js';
import { formatDate } from '../../util/dates.js';
import { deadlineClause, deadlineSubject } from './deadline-cells.js';
import type { FormatOptions } from '../format-options.js';
import { terminalSafe } from '../../util/terminal-text.js';

/** The deadlines for a terminal: coming, past at D, then the kinds not computed; data shown, never obeyed. */
export function formatDeadlinesText(input: DeadlinesReport, options: FormatOptions): string {
  const report = terminalSafe(input);
  const words = deadlineLabels(options.lang);
  const { snapshot } = report;
  const header = [
    snapshot.siret ? `SIRET ${snapshot.siret}` : undefined,
    `${labels(options.lang).asOf} ${formatDate(report.asOf, options.lang)}`,
    snapshot.managementMode ? (labels(options.lang).mode[snapshot.managementMode] ?? snapshot.managementMode) : undefined,
    snapshot.path,
  ].filter(Boolean);
  const lines = [`vigie ${report.tool.version} — ${fill(words.view.heading, { partner: snapshot.partner })}`, header.join(' · '), ''];

  const row = (deadline: Deadline) => [formatDate(deadline.date, options.lang), deadline.title, deadlineClause(deadline, options.lang), deadlineSubject(deadline, options.lang)];
  const headings = [words.view.columns.date, words.view.columns.due, words.view.columns.clause, words.view.columns.subject];
  const rows = report.deadlines.map(row);
  const past = report.overdue.map(row);
  // One set of widths for both tables, so that past and coming deadlines line up.
  const widths = headings.map((heading, column) => Math.max(width(heading), ...[...rows, ...past].map((cells) => width(cells[column]))));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column] - width(cell))).join('  ').trimEnd();

  if (rows.length === 0) lines.push(words.view.none);
  else lines.push(line(headings), ...rows.map(line));
  lines.push('');
  if (past.length > 0) {
    lines.push(fill(words.view.overdue, { date: formatDate(report.asOf, options.lang), n: past.length }), ...past.map((cells) => `  ${line(cells)}`), '');
  }
  if (report.notComputed.length > 0) {
    lines.push(fill(words.view.notComputed, { n: report.notComputed.length }));
    for (const item of report.notComputed) lines.push(`  ? ${words.kind[item.kind]}${item.ruleId ? ` (${item.ruleId})` : ''} — ${item.reason}`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function width(text: string): number {
  return [...text].length;
}
