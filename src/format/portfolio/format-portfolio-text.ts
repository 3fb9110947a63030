import type { Severity } from '../../rules/rule-types.js';
import { fill, SEVERITY_SYMBOL } from '../../report/labels.js';
import type { PortfolioEntry, SkippedPath } from '../../report/portfolio-types.js';
import { skippedReason } from '../../portfolio/skipped-messages.js';
import { errorTotal } from '../../diagnostics/display-error.js';
import type { FormatOptions } from '../format-options.js';
import { portfolioLabels } from './portfolio-labels.js';
import { portfolioTable, type PortfolioCell } from './portfolio-table.js';
import { VERSION } from '../../util/version.js';
import { terminalSafe } from '../../util/terminal-text.js';

const COLORS: Record<Severity | 'bold', [number, number]> = { error: [31, 39], warning: [33, 39], info: [36, 39], bold: [1, 22] };

/** A portfolio for a terminal: a row per partner, most at risk first, then unreadable ones and a total; data shown, never obeyed. */
export function formatPortfolioText(input: readonly PortfolioEntry[], options: FormatOptions, skipped: readonly SkippedPath[] = []): string {
  const entries = terminalSafe(input);
  const words = portfolioLabels(options.lang);
  const paint = (style: keyof typeof COLORS, text: string) => (options.color ? `\u001b[${COLORS[style][0]}m${text}\u001b[${COLORS[style][1]}m` : text);
  const table = portfolioTable(entries, options);
  const cellText = (cell: PortfolioCell, column: number) =>
    table.columns[column] === 'worst' && cell.severity ? `${SEVERITY_SYMBOL[cell.severity]} ${cell.text}` : cell.text;
  const texts = table.rows.map((row) => row.map(cellText));
  const widths = table.headers.map((header, column) => Math.max(width(header), ...texts.map((row) => width(row[column]))));
  // Pad first, then paint: escape codes have no width on screen.
  const line = (cells: readonly string[], styles: readonly (Severity | undefined)[] = []) =>
    cells
      .map((text, column) => {
        const padded = table.numeric[column] ? text.padStart(text.length + widths[column] - width(text)) : text.padEnd(text.length + widths[column] - width(text));
        const style = styles[column];
        return style ? padded.replace(text, paint(style, text)) : padded;
      })
      .join('  ')
      .trimEnd();

  const lines = [paint('bold', `vigie ${VERSION} — ${fill(words.title, { n: entries.length })}`), ''];
  if (table.rows.length > 0) {
    lines.push(paint('bold', line(table.headers)));
    table.rows.forEach((row, index) => lines.push(line(texts[index], row.map((cell) => cell.severity))));
    lines.push('');
  }
  if (table.invalid.length > 0) {
    lines.push(paint('bold', fill(words.invalidTitle, { n: table.invalid.length })), `  ${words.invalidHint}`);
    for (const entry of table.invalid) lines.push(`  ${paint('error', SEVERITY_SYMBOL.error)} ${entry.snapshot.path} — ${fill(words.invalidRow, { n: errorTotal(entry.errors) })}`);
    lines.push('');
  }
  if (skipped.length > 0) {
    lines.push(paint('bold', fill(words.skippedTitle, { n: skipped.length })));
    for (const entry of terminalSafe(skipped)) lines.push(`  ${entry.path} — ${skippedReason(entry, options.lang)}`);
    lines.push('');
  }
  lines.push(table.total);
  return `${lines.join('\n')}\n`;
}

/** Characters on screen: code points (the partners' accented names are precomposed). */
function width(text: string): number {
  return [...text].length;
}
