import { terminalText } from '../../util/terminal-text.js';

/** Octets per content line, CRLF excluded (RFC 5545 §3.1). */
const LINE_OCTETS = 75;

/** A TEXT value escaped for iCalendar (RFC 5545 §3.3.11); the controls TEXT may not hold shown as on a terminal. */
export function escapeIcsText(text: string): string {
  return terminalText(text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n'));
}

/** A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > LINE_OCTETS) {
      parts.push(current);
      // The leading space of a continuation line counts in its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
