import { terminalText } from '../util/terminal-text.js';

// Every line break a value may hold; CR LF first, so that it makes one break.
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/**
 * Text in a Markdown table cell or list item: Markdown and HTML markup neutralized, line
 * breaks kept as `<br>`, and every other control shown as on a terminal (`terminalText`).
 */
export function escapeMarkdown(text: string): string {
  return terminalText(
    text
      .replace(/[\\`*_[\]|~#]/g, '\\$&')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(LINE_BREAK, '<br>'),
  );
}

/**
 * A code span, its controls and line breaks shown (`terminalText`: a break would end the
 * table row); a backtick inside would end it early, so such text is escaped instead.
 */
export function code(text: string): string {
  const shown = terminalText(text);
  return shown.includes('`') ? escapeMarkdown(shown) : `\`${shown}\``;
}
