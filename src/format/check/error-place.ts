import { isAbsolute, normalize, relative, sep } from 'node:path';
import type { DisplayError } from '../../diagnostics/display-error.js';

/** Whether an error is about the command line rather than a file (`usageError`). */
export function isUsageError(error: DisplayError): boolean {
  return error.code === 'usage';
}

/** `FILE:LINE:COLUMN` as stderr shows it, `vigie` for a usage error. */
export function errorPlace(error: DisplayError): string {
  return isUsageError(error) ? 'vigie' : `${error.file}:${error.line}:${error.column}`;
}

/** The message with its value in parentheses, as stderr shows them after the place. */
export function errorText(error: DisplayError): string {
  return error.value === undefined ? error.message : `${error.message} (${error.value})`;
}

/** The error's file as seen from the working directory (`fromBaseDir`). */
export function errorFile(error: DisplayError, baseDir?: string): string {
  return fromBaseDir(error.file, baseDir);
}

/**
 * A path as seen from the working directory, forward slashes always: an absolute path inside
 * `baseDir` becomes relative, as evidence files are (evidence-path.ts).
 */
export function fromBaseDir(path: string, baseDir?: string): string {
  let shown = path;
  if (isAbsolute(shown) && baseDir) {
    const inside = relative(baseDir, shown);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) shown = inside;
  }
  return normalize(shown).split(sep).join('/');
}
