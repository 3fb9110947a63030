import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { runInputFiles, type RunInputPaths } from './run-inputs.js';

/** A file a run would write, with the option that names it (`--output`, `--ics`). */
export interface OutputFile {
  readonly option: string;
  readonly file: string;
}

/** What makes two paths the same file: the real path (links resolved) and, when it exists, device and inode (hard links). */
interface Identity {
  readonly real: string;
  readonly inode?: string;
}

/**
 * The outputs that would destroy an input of the run (the same file by its real path or, for a
 * hard link, by device and inode), and the outputs that name the same file as an earlier one.
 * Checked from the paths alone, before the run evaluates anything: any of these errors means
 * that nothing is written. Two `--output` of the same path are left to the command line's
 * own check (src/format/plan-outputs.ts), which already reports them.
 */
export function outputClashes(outputs: readonly OutputFile[], inputs: readonly string[], lang: Lang): DisplayError[] {
  const errors: DisplayError[] = [];
  const inputIdentities = inputs.map((input) => ({ input, identity: identityOf(input) }));
  const earlier: { output: OutputFile; identity: Identity }[] = [];
  for (const output of outputs) {
    if (output.file === '') continue;
    const identity = identityOf(output.file);
    const input = inputIdentities.find((candidate) => sameFile(candidate.identity, identity));
    const twin = earlier.find((other) => sameFile(other.identity, identity));
    const reportedAlready = twin && twin.output.option === output.option && resolve(twin.output.file) === resolve(output.file);
    // One error an output: over an input says it all.
    if (input) errors.push(overInput(output, input.input, lang));
    else if (twin && !reportedAlready) errors.push(twice(output, twin.output, lang));
    earlier.push({ output, identity });
  }
  return errors;
}

function identityOf(path: string): Identity {
  const absolute = resolve(path);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    // Not there yet: the file would be created in the real folder, under this name.
    try {
      real = join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      real = absolute;
    }
  }
  try {
    const stats = statSync(absolute, { bigint: true });
    // Some file systems give no inode numbers (0): the real path alone decides there.
    return stats.ino === 0n ? { real } : { real, inode: `${stats.dev}:${stats.ino}` };
  } catch {
    return { real };
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.inode !== undefined && a.inode === b.inode);
}

function overInput(output: OutputFile, input: string, lang: Lang): DisplayError {
  const message =
    lang === 'fr'
      ? `${output.option} écraserait ${input}, un fichier lu par ce contrôle : rien n'a été écrit, choisissez un autre fichier`
      : `${output.option} would overwrite ${input}, a file this run reads: nothing was written, choose another file`;
  return { file: output.file, line: 1, column: 1, code: 'output-over-input', message };
}

function twice(output: OutputFile, first: OutputFile, lang: Lang): DisplayError {
  const message =
    lang === 'fr'
      ? `${output.option} désigne le même fichier que ${first.option} ${first.file} : rien n'a été écrit`
      : `${output.option} names the same file as ${first.option} ${first.file}: nothing was written`;
  return { file: output.file, line: 1, column: 1, code: 'output-duplicate', message };
}

/** The clashes of a run's outputs with its inputs; a run that writes no file lists no input. */
export async function runOutputClashes(outputs: readonly OutputFile[], inputs: RunInputPaths, lang: Lang): Promise<DisplayError[]> {
  const files = outputs.filter((output) => output.file !== '');
  if (files.length === 0) return [];
  return outputClashes(files, await runInputFiles(inputs), lang);
}
