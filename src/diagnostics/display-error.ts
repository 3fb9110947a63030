import { terminalText } from '../util/terminal-text.js';

/** An error as shown to people: one line on stderr, one object in `{"errors": […]}`. */
export interface DisplayError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
  readonly value?: string;
}

/** A usage error (bad option, missing argument): exit 2 like invalid input. */
export function usageError(message: string, value?: string): DisplayError {
  return withValue({ file: 'vigie', line: 0, column: 0, code: 'usage', message }, value);
}

/** The error with its value, when it has one. */
export function withValue(error: Omit<DisplayError, 'value'>, value: string | undefined): DisplayError {
  return value === undefined ? error : { ...error, value };
}

/** The stderr form of an error, `FILE:LINE:COLUMN: message (value)`, its data shown so that it stays one line. */
export function errorLine(error: DisplayError): string {
  const place = error.code === 'usage' ? 'vigie' : `${terminalText(error.file)}:${error.line}:${error.column}`;
  return `${place}: ${terminalText(error.message)}${error.value !== undefined ? ` (${terminalText(error.value)})` : ''}`;
}

/** Errors in a stable order: file, line, column, code. */
export function sortErrors(errors: readonly DisplayError[]): DisplayError[] {
  return [...errors].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
