import { resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { usageError, type DisplayError } from '../diagnostics/display-error.js';
import { FORMAT_NAMES, isFormat } from './registry.js';

/** One rendering of a run: a format, written to a file or (no file) to stdout. */
export interface OutputTarget {
  readonly format: string;
  readonly file?: string;
}

/**
 * Pairs `--format` and `--output` options in order (`--format json --output a.json --format
 * sarif --output b.sarif`), so that one evaluation feeds every output a pipeline needs. One
 * format and no output prints to stdout; no format means text. Several formats need as many
 * outputs: which one would go to stdout is otherwise a guess.
 */
export function planOutputs(formats: readonly string[], outputs: readonly string[], lang: Lang): { targets: OutputTarget[]; errors: DisplayError[] } {
  const chosen = formats.length > 0 ? formats : ['text'];
  const errors: DisplayError[] = chosen.filter((format) => !isFormat(format)).map((format) => usageError(`--format ${FORMAT_NAMES.join('|')}`, format));
  if (outputs.length === 0 && chosen.length === 1) return { targets: [{ format: chosen[0] }], errors };
  if (outputs.length !== chosen.length) {
    const message =
      lang === 'fr'
        ? `--format et --output vont par paires, dans l'ordre (${chosen.length} --format, ${outputs.length} --output)`
        : `--format and --output go in pairs, in order (${chosen.length} --format, ${outputs.length} --output)`;
    return { targets: [], errors: [...errors, usageError(message)] };
  }
  const seen = new Set<string>();
  for (const file of outputs) {
    if (seen.has(resolve(file))) errors.push(usageError(lang === 'fr' ? '--output en double' : 'duplicate --output', file));
    seen.add(resolve(file));
  }
  return { targets: chosen.map((format, index) => ({ format, file: outputs[index] })), errors };
}
