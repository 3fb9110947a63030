import { fill, SEVERITY_SYMBOL } from '../../report/labels.js';
import { errorLine, errorTotal, isOmittedCount } from '../../diagnostics/display-error.js';
import type { PortfolioEntry, SkippedPath } from '../../report/portfolio-types.js';
import { skippedReason } from '../../portfolio/skipped-messages.js';
import type { FormatOptions } from '../format-options.js';
import { code, escapeMarkdown } from '../markdown-text.js';
import { portfolioLabels } from './portfolio-labels.js';
import { portfolioTable } from './portfolio-table.js';

/** Input errors listed per invalid snapshot; stderr has them all. */
const ERRORS_SHOWN = 10;

/** A portfolio for a merge request, with unreadable snapshots' first errors, as there is no stderr there. */
export function formatPortfolioMarkdown(entries: readonly PortfolioEntry[], options: FormatOptions, skipped: readonly SkippedPath[] = []): string {
  const words = portfolioLabels(options.lang);
  const table = portfolioTable(entries, options);
  const lines = [`### vigie — ${fill(words.title, { n: entries.length })}`, ''];
  if (table.rows.length > 0) {
    lines.push(`| ${table.headers.join(' | ')} |`, `|${table.numeric.map((numeric) => (numeric ? ' ---: |' : ' --- |')).join('')}`);
    for (const row of table.rows) {
      const cells = row.map((cell, column) => {
        const kind = table.columns[column];
        if (kind === 'snapshot') return code(cell.text);
        if (kind === 'worst' && cell.severity) return `${SEVERITY_SYMBOL[cell.severity]} ${code(cell.text)}`;
        return escapeMarkdown(cell.text);
      });
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (table.invalid.length > 0) {
    lines.push(`#### ${fill(words.invalidTitle, { n: table.invalid.length })}`, '');
    for (const entry of table.invalid) {
      // Past a file's cap its errors are one entry with their count: the total counts them all.
      const total = errorTotal(entry.errors);
      const shown = entry.errors.filter((error) => !isOmittedCount(error)).slice(0, ERRORS_SHOWN);
      lines.push(`- ${code(entry.snapshot.path)} — ${fill(words.invalidRow, { n: total })}`);
      for (const error of shown) lines.push(`  - ${code(errorLine(error))}`);
      if (total > shown.length) lines.push(`  - ${fill(words.more, { n: total - shown.length })}`);
    }
    lines.push('');
  }
  if (skipped.length > 0) {
    lines.push(`#### ${fill(words.skippedTitle, { n: skipped.length })}`, '');
    for (const entry of skipped) lines.push(`- ${code(entry.path)} — ${escapeMarkdown(skippedReason(entry, options.lang))}`);
    lines.push('');
  }
  lines.push(table.total);
  return `${lines.join('\n')}\n`;
}
