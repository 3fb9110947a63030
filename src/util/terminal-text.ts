/**
 * What data may not carry onto a terminal or into Markdown: line breaks (CR LF as one),
 * C0 controls (ESC among them), DEL, C1 controls, and the bidirectional controls that
 * reorder what is shown (« Trojan source »: U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE = /\r\n|[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** A line break inside a value: shown, not obeyed, so that it cannot forge a line. */
const LINE_BREAK_MARK = '⏎';

const LINE_BREAKS: ReadonlySet<string> = new Set(['\r\n', '\n', '\r', '\u0085', '\u2028', '\u2029']);

/**
 * A value from the data as the terminal may show it: every line break becomes `⏎`; every
 * other C0 control and DEL its Unicode control picture (`␛` for ESC, `␇` BEL, `␉` tab, `␡`);
 * C1 and bidirectional controls, which have no picture, `⟨U+202E⟩`. Text without them is
 * returned as it is, so clean data renders byte for byte as before.
 */
export function terminalText(value: string): string {
  return value.replace(UNSAFE, visible);
}

function visible(character: string): string {
  if (LINE_BREAKS.has(character)) return LINE_BREAK_MARK;
  const code = character.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '␡';
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * Every string of a plain value (objects, arrays) through `terminalText`, for a renderer to
 * apply once at its entry. Keys, and objects other than plain ones, are left as they are;
 * parts without anything to change are returned as the same objects, not copied.
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item: unknown) => {
      const safe = terminalSafe(item);
      changed ||= safe !== item;
      return safe;
    });
    return (changed ? items : value) as T;
  }
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const safe = terminalSafe(item);
      changed ||= safe !== item;
      return [key, safe] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
