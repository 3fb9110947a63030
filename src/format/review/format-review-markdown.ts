import { code, escapeMarkdown } from '../markdown-text.js';
import { fill, labels } from '../../report/labels.js';
import { formatDate } from '../../util/dates.js';
import { reviewLabels } from './review-labels.js';
import type { ReviewFormatOptions } from './review-format-options.js';
import type { ReviewList, ReviewRow } from '../../review/review-types.js';

/** The review list in Markdown, with a decision column and the sign-off the Caf asks for (CS art. 2.2.2). */
export function formatReviewMarkdown(review: ReviewList, options: ReviewFormatOptions): string {
  const lang = options.lang;
  const words = reviewLabels(lang);
  const { snapshot } = review;
  const lines = [`# ${words.title} — ${escapeMarkdown(snapshot.partner)}`, '', `*${escapeMarkdown(words.basis)}*`, ''];
  const identity: [string, string][] = [
    [words.partner, escapeMarkdown(snapshot.partner)],
    ...(snapshot.siret ? [[words.siret, escapeMarkdown(snapshot.siret)] as [string, string]] : []),
    [words.asOf, formatDate(review.asOf, lang)],
    ...(snapshot.managementMode ? [[words.mode, escapeMarkdown(labels(lang).mode[snapshot.managementMode] ?? snapshot.managementMode)] as [string, string]] : []),
    [words.snapshot, code(snapshot.path)],
  ];
  lines.push('| | |', '| --- | --- |', ...identity.map(([name, value]) => `| ${name} | ${value} |`), '');

  if (review.rows.length === 0) lines.push(words.none, '');
  else {
    const people = new Set(review.rows.map((row) => row.userId)).size;
    lines.push(fill(words.count, { grants: review.rows.length, users: people }), words.instructions, '');
    const column = words.table;
    lines.push(
      `| ${[column.person, column.profile, column.scope, column.since, column.lastActivity, column.findings, column.decision].join(' | ')} |`,
      `|${' --- |'.repeat(7)}`,
      ...review.rows.map((row) => rowLine(row, options)),
      '',
    );
  }

  lines.push(
    `## ${words.signature}`,
    '',
    '| | |',
    '| --- | --- |',
    `| ${words.reviewer} | ${review.administrator ? escapeMarkdown(review.administrator) : ''} |`,
    `| ${words.date} | |`,
    `| ${words.sentOn} | |`,
    `| ${words.sign} | <br><br><br> |`,
    '',
    '---',
    '',
    `*${escapeMarkdown(fill(words.generated, { version: review.tool.version, path: snapshot.path }))}*`,
  );
  return `${lines.join('\n')}\n`;
}

function rowLine(row: ReviewRow, options: ReviewFormatOptions): string {
  const lang = options.lang;
  const words = reviewLabels(lang);
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
  const person = `${code(row.userId)}${name ? ` ${escapeMarkdown(name)}` : ''}${row.function ? `<br>*${escapeMarkdown(row.function)}*` : ''}`;
  const profile = `${code(row.profile)} ${escapeMarkdown(row.profileLabel)}${row.service === 'AFAS' ? '' : ` (${escapeMarkdown(row.service)})`}`;
  const scope = `${escapeMarkdown(words.scopeLevel[row.scopeLevel])} ${code(row.scopeId)}${row.scopeName ? `<br>${escapeMarkdown(row.scopeName)}` : ''}`;
  const activity = row.lastActivity
    ? `${formatDate(row.lastActivity, lang)}${row.activityBasis === 'account' ? `<br>*${words.onAccount}*` : ''}`
    : `*${words.basisText[row.activityBasis]}*`;
  const findings = row.findings.map(code).join(', ');
  return `| ${[person, profile, scope, formatDate(row.grantedOn, lang), activity, findings, words.decisionBoxes].join(' | ')} |`;
}
