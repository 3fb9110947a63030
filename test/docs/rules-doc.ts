import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/run-cli.js';

/** The text of docs/RULES.md: the tests check its tables and its example against the code. */
export const RULES_DOC = readFileSync(join(ROOT, 'docs/RULES.md'), 'utf8');

/** The position just after an HTML comment marker (`<!-- table: fact-kinds -->`), which must be there once. */
function afterMarker(marker: string): number {
  const comment = `<!-- ${marker} -->`;
  const at = RULES_DOC.indexOf(comment);
  if (at < 0) throw new Error(`docs/RULES.md has no ${comment}`);
  if (RULES_DOC.indexOf(comment, at + 1) >= 0) throw new Error(`docs/RULES.md has ${comment} twice`);
  return at + comment.length;
}

/** The cells of a Markdown table row, split on the pipes that are not escaped (`\|` in a cell stays a `|`). */
function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** The body rows of the first table after a marker, as cells (header and separator left out). */
export function tableAfter(marker: string): string[][] {
  const lines = RULES_DOC.slice(afterMarker(marker)).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cellsOf(line));
  }
  return rows;
}

/** The name in the first cell of a row, written as code (`` `count` `` → `count`). */
export function codeName(cell: string): string {
  const match = /^`([^`]+)`$/.exec(cell);
  if (!match) throw new Error(`not a name in backquotes: ${cell}`);
  return match[1];
}

/** The content of the first fenced code block after a marker, without its fences. */
export function codeBlockAfter(marker: string): string {
  const rest = RULES_DOC.slice(afterMarker(marker));
  const match = /^\s*```[^\n]*\n([\s\S]*?)^```/m.exec(rest);
  if (!match) throw new Error(`no code block after <!-- ${marker} -->`);
  return match[1];
}

/** Every `<!-- file: PATH -->` marker with the code block that follows it: the files of the worked example. */
export function markedFiles(): { path: string; text: string }[] {
  return [...RULES_DOC.matchAll(/<!-- file: (\S+) -->/g)].map((match) => ({ path: match[1], text: codeBlockAfter(`file: ${match[1]}`) }));
}
