import { writeFileAtomic } from '../util/write-file-atomic.js';
import type { Lang } from '../i18n/lang.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { writeErrorText } from './write-error-text.js';

/** One output of a command: rendered when its turn comes, then written to its file, or to stdout without one. */
export interface PendingOutput {
  readonly file?: string;
  readonly render: () => string;
}

/** What writing gave: the text for stdout, in order, and the files that could not be written. */
export interface WrittenOutputs {
  readonly stdout: string;
  readonly errors: readonly DisplayError[];
}

/**
 * Writes every output, each rendered just before it is written, so that a run holds one rendering
 * at a time; each file is written whole or not at all (write-file-atomic). The command checked
 * before that no output is one of its inputs (output-clash.ts).
 */
export function writeOutputs(outputs: readonly PendingOutput[], lang: Lang): WrittenOutputs {
  const errors: DisplayError[] = [];
  let stdout = '';
  for (const output of outputs) {
    const rendered = output.render();
    if (output.file === undefined) {
      stdout += rendered;
      continue;
    }
    try {
      writeFileAtomic(output.file, rendered);
    } catch (error) {
      errors.push(unwritable(output.file, error as Error, lang));
    }
  }
  return { stdout, errors };
}

function unwritable(file: string, error: Error, lang: Lang): DisplayError {
  const message = lang === 'fr' ? `écriture impossible : ${writeErrorText(error, lang)}` : `cannot write: ${writeErrorText(error, lang)}`;
  return { file, line: 1, column: 1, code: 'output-unwritable', message };
}
