import { terminalText } from '../util/terminal-text.js';

/** An error as shown to people: one line on stderr, one object in `{"errors": […]}`. */
export interface DisplayError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
  readonly value?: string;
  /** Set on the entry that stands for a file's errors beyond the listed ones (code `more-errors`): how many. */
  readonly count?: number;
}

/** The code of the entry that closes a file's list with the count of its errors not listed. */
export const MORE_ERRORS_CODE = 'more-errors';

/** Whether an entry stands for errors not listed rather than being an error itself. */
export function isOmittedCount(error: Pick<DisplayError, 'code'>): boolean {
  return error.code === MORE_ERRORS_CODE;
}

/** How many errors a list stands for: each error once, each count entry for its count. */
export function errorTotal(errors: readonly DisplayError[]): number {
  let total = 0;
  for (const error of errors) total += isOmittedCount(error) ? (error.count ?? 0) : 1;
  return total;
}

/** The errors not listed, by file, as `{"truncated": {FILE: N}}` of the JSON error documents; undefined when the list is complete. */
export function truncatedCounts(errors: readonly DisplayError[]): Record<string, number> | undefined {
  let counts: Record<string, number> | undefined;
  for (const error of errors) if (isOmittedCount(error)) (counts ??= {})[error.file] = (counts[error.file] ?? 0) + (error.count ?? 0);
  return counts;
}

/** `{"errors": [...]}`, the count entries out of the array and into `truncated` when the list is not complete. */
export function errorsDocument(errors: readonly DisplayError[]): { errors: DisplayError[]; truncated?: Record<string, number> } {
  const truncated = truncatedCounts(errors);
  const listed = truncated ? errors.filter((error) => !isOmittedCount(error)) : [...errors];
  return truncated ? { errors: listed, truncated } : { errors: listed };
}

/** A usage error (bad option, missing argument): exit 2 like invalid input. */
export function usageError(message: string, value?: string): DisplayError {
  return withValue({ file: 'vigie', line: 0, column: 0, code: 'usage', message }, value);
}

/** The error with its value, when it has one. */
export function withValue(error: Omit<DisplayError, 'value'>, value: string | undefined): DisplayError {
  return value === undefined ? error : { ...error, value };
}

/** The stderr form of an error, `FILE:LINE:COLUMN: message (value)`, its data shown so that it stays one line; a count entry is its message alone. */
export function errorLine(error: DisplayError): string {
  if (isOmittedCount(error)) return terminalText(error.message);
  const place = error.code === 'usage' ? 'vigie' : `${terminalText(error.file)}:${error.line}:${error.column}`;
  return `${place}: ${terminalText(error.message)}${error.value !== undefined ? ` (${terminalText(error.value)})` : ''}`;
}

/** Errors in a stable order: file, line, column, code; a file's count of errors not listed last in it. */
export function sortErrors(errors: readonly DisplayError[]): DisplayError[] {
  return [...errors].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      Number(isOmittedCount(a)) - Number(isOmittedCount(b)) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
