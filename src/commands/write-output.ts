import { writeFileSync } from 'node:fs';
import type { Lang } from '../i18n/lang.js';
import { EXIT } from '../report/exit-code.js';
import { errorLine } from '../diagnostics/display-error.js';
import type { CommandResult } from './command-result.js';

/**
 * The result of a command that renders one document: printed, or written to `--output` (an
 * unwritable file is an error of its own, exit 2, with nothing printed).
 */
export function writeOutput(rendered: string, file: string | undefined, lang: Lang): CommandResult {
  if (file === undefined) return { stdout: rendered, stderr: '', exitCode: EXIT.ok };
  try {
    writeFileSync(file, rendered);
    return { stdout: '', stderr: '', exitCode: EXIT.ok };
  } catch (error) {
    const detail = (error as Error).message;
    const message = lang === 'fr' ? `écriture impossible : ${detail}` : `cannot write: ${detail}`;
    return { stdout: '', stderr: `${errorLine({ file, line: 1, column: 1, code: 'output-unwritable', message })}\n`, exitCode: EXIT.invalid };
  }
}
