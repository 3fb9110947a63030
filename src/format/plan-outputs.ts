import { resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { usageError, type DisplayError } from '../diagnostics/display-error.js';
import { formatNames, isFormatOf, outputsRuleOf, type DocumentKind } from './registry.js';

/** One rendering of a run: a format, written to a file or (no file) to stdout. */
export interface OutputTarget {
  readonly format: string;
  readonly file?: string;
}

/** The outputs a command line asks for, or the usage errors that prevent them. */
export interface OutputPlan {
  readonly targets: OutputTarget[];
  readonly errors: DisplayError[];
}

/** Reads `--format` and `--output` as the document's command takes them (`pairs` or `single`, src/format/registry.ts). */
export function planOutputs(formats: readonly string[], outputs: readonly string[], kind: DocumentKind, lang: Lang): OutputPlan {
  return outputsRuleOf(kind) === 'pairs' ? pairedOutputs(formats, outputs, kind, lang) : singleOutput(formats, outputs, kind, lang);
}

/** `--format`/`--output` pairs; several formats need as many outputs, else stdout's would be a guess. */
function pairedOutputs(formats: readonly string[], outputs: readonly string[], kind: DocumentKind, lang: Lang): OutputPlan {
  const chosen = formats.length > 0 ? formats : [formatNames(kind)[0]];
  const errors = chosen.filter((format) => !isFormatOf(kind, format)).map((format) => usageError(`--format ${formatNames(kind).join('|')}`, format));
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

/** One document (bilan, review): at most one `--format` and one `--output`; no target when either is wrong. */
function singleOutput(formats: readonly string[], outputs: readonly string[], kind: DocumentKind, lang: Lang): OutputPlan {
  const errors: DisplayError[] = [];
  const allowed = formatNames(kind);
  const format = formats[0] ?? allowed[0];
  if (formats.length > 1) errors.push(usageError(lang === 'fr' ? 'un seul --format' : 'a single --format', formats.join(', ')));
  else if (!isFormatOf(kind, format)) errors.push(usageError(`--format ${allowed.join('|')}`, format));
  if (outputs.length > 1) errors.push(usageError(lang === 'fr' ? 'un seul --output' : 'a single --output', outputs.join(', ')));
  if (errors.length > 0) return { targets: [], errors };
  return { targets: [{ format, ...(outputs[0] === undefined ? {} : { file: outputs[0] }) }], errors };
}
