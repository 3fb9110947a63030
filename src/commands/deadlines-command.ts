import { formatNames, isFormatOf, render } from '../format/registry.js';
import type { OutputTarget } from '../format/plan-outputs.js';
import { usageError } from '../diagnostics/display-error.js';
import { runDeadlines, type DeadlinesOptions } from '../deadlines/run-deadlines.js';
import { EXIT } from '../report/exit-code.js';
import { invalid, withErrors, type CommandResult } from './command-result.js';
import { writeOutputs, type PendingOutput } from './write-outputs.js';
import { runOutputClashes } from './output-clash.js';

/** The command line of `vigie deadlines`, parsed. */
export interface DeadlinesCommandOptions extends DeadlinesOptions {
  readonly snapshot: string;
  /** `--format text|json` with optional `--output FILE`, in pairs as for check. */
  readonly targets: readonly OutputTarget[];
  /** `--ics FILE`: the coming deadlines as an iCalendar file. */
  readonly ics?: string;
}

/** `vigie deadlines`: exits 0 or 2 only, as a deadline is not a breach (lateness is `vigie check`'s). */
export async function deadlinesCommand(options: DeadlinesCommandOptions): Promise<CommandResult> {
  const errorFormat = options.targets.find((target) => !target.file)?.format ?? 'text';
  // The command line checked the names against vigie check's formats, with their message.
  const unsupported = options.targets.filter((target) => !isFormatOf('deadlines', target.format));
  if (unsupported.length > 0) return invalid(unsupported.map((target) => usageError(`--format ${formatNames('deadlines').join('|')}`, target.format)), 'text');
  const clashes = await runOutputClashes(
    [...options.targets.map((target) => ({ option: '--output', file: target.file ?? '' })), ...(options.ics === undefined ? [] : [{ option: '--ics', file: options.ics }])],
    { snapshots: [options.snapshot], files: [options.config, options.waivers], rulesDirs: options.rulesDirs ?? [] },
    options.lang,
  );
  if (clashes.length > 0) return invalid(clashes, errorFormat);
  const outcome = await runDeadlines(options.snapshot, options);
  if (outcome.kind === 'invalid') return invalid(outcome.errors, errorFormat);

  const { report } = outcome;
  const outputs: PendingOutput[] = options.targets.map((target) => ({
    // An empty --output prints, as it always has.
    file: target.file || undefined,
    render: () => render('deadlines', target.format, report, { lang: options.lang, baseDir: process.cwd() }),
  }));
  if (options.ics !== undefined) outputs.push({ file: options.ics, render: () => render('calendar', 'ics', report, { lang: options.lang }) });
  const written = writeOutputs(outputs, options.lang);
  return withErrors(written.stdout, written.errors, EXIT.ok);
}
