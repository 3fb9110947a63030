import type { Lang } from '../i18n/lang.js';
import { usageError, type DisplayError } from '../diagnostics/display-error.js';

/** Where a one-document command (bilan, review) writes, in which format. */
export interface DocumentTarget {
  readonly format: string;
  readonly file?: string;
}

/**
 * Reads `--format` and `--output` for a command that renders one document: at most one of
 * each, the format among `allowed` (the first is the default).
 */
export function documentTarget(
  formats: readonly string[],
  outputs: readonly string[],
  allowed: readonly string[],
  lang: Lang,
): { target?: DocumentTarget; errors: DisplayError[] } {
  const errors: DisplayError[] = [];
  const format = formats[0] ?? allowed[0];
  if (formats.length > 1) errors.push(usageError(lang === 'fr' ? 'un seul --format' : 'a single --format', formats.join(', ')));
  else if (!allowed.includes(format)) errors.push(usageError(`--format ${allowed.join('|')}`, format));
  if (outputs.length > 1) errors.push(usageError(lang === 'fr' ? 'un seul --output' : 'a single --output', outputs.join(', ')));
  if (errors.length > 0) return { errors };
  return { target: { format, ...(outputs[0] === undefined ? {} : { file: outputs[0] }) }, errors };
}
