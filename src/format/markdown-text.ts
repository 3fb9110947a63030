/** Text in a Markdown table cell or list item: Markdown and HTML markup neutralized, line breaks kept. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~#]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

/** A code span; a backtick inside would end it early, so such text is escaped instead. */
export function code(text: string): string {
  return text.includes('`') ? escapeMarkdown(text) : `\`${text}\``;
}
