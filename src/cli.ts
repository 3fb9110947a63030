#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { Lang } from './i18n/lang.js';
import { SEVERITIES } from './rules/rule-types.js';
import { EXIT, type FailOn } from './report/exit-code.js';
import { planOutputs, type OutputTarget } from './format/plan-outputs.js';
import { parseAsOf } from './util/as-of.js';
import { usageError, type DisplayError } from './diagnostics/display-error.js';
import { invalid, type CommandResult } from './commands/command-result.js';
import { startTraceWorkerFor } from './split-reading/split-reading.js';
import { redactKey } from './redact/redact-key.js';
import { VERSION } from './util/version.js';
import { writeErrorText } from './commands/write-error-text.js';
import { terminalText } from './util/terminal-text.js';

const USAGE = `vigie ${VERSION} — conformité des partenaires à la convention « Mon Compte Partenaire »

  vigie check <instantané...> [--as-of DATE] [--format text|json|sarif|junit|markdown [--output FILE]]...
              [--fail-on error|warning|info|never] [--rules DIR]... [--config FILE]
              [--waivers FILE] [--baseline FILE] [--redact] [--lang fr|en] [--lenient] [--strict]
  vigie validate <instantané> [--format text|json] [--strict]
  vigie bilan <instantané> [--previous INSTANTANÉ] [--format markdown|html] [--output FILE] [--as-of DATE] [--redact] [--lang fr|en] [--strict]
  vigie review <instantané> [--format csv|markdown] [--delimiter ';'|','] [--output FILE] [--as-of DATE] [--redact] [--lang fr|en] [--strict]
  vigie deadlines <instantané> [--ics FILE] [--format text|json [--output FILE]] [--waivers FILE] [--as-of DATE] [--lang fr|en] [--strict]
  vigie rules list | show ID | test [DIR]
  vigie --help | --version

Codes de sortie : 0 rien au niveau de --fail-on, 1 constats à ce niveau, 2 données, règles ou usage invalides.
`;

/** The word for the partner's data in each language: French text says « instantané », never « snapshot ». */
const SNAPSHOT_WORD: Record<Lang, string> = { fr: 'instantané', en: 'snapshot' };

/** The language of the run, once the command line is read: the stdout error handler speaks it too. */
let runLang: Lang = 'fr';

const OPTIONS = {
  'as-of': { type: 'string' },
  format: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  'fail-on': { type: 'string' },
  rules: { type: 'string', multiple: true },
  config: { type: 'string' },
  lang: { type: 'string' },
  lenient: { type: 'boolean' },
  strict: { type: 'boolean' },
  waivers: { type: 'string' },
  baseline: { type: 'string' },
  redact: { type: 'boolean' },
  previous: { type: 'string' },
  delimiter: { type: 'string' },
  ics: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parses the command line, runs one command, prints its output and returns the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return emit(invalid([usageError((error as Error).message)], 'text'));
  }
  const { values, positionals } = parsed;
  if (values.version) return emit({ stdout: `${VERSION}\n`, stderr: '', exitCode: EXIT.ok });
  const [command, ...args] = positionals;
  if (values.help || !command) return emit({ stdout: USAGE, stderr: '', exitCode: command || values.help ? EXIT.ok : EXIT.invalid });

  const lang = (values.lang ?? 'fr') as Lang;
  if (lang === 'en') runLang = 'en';
  const outputs = planOutputs(values.format ?? [], values.output ?? [], 'check', lang === 'en' ? 'en' : 'fr');
  const format = values.format?.[0] ?? 'text';
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  const problems = [
    lang !== 'fr' && lang !== 'en' ? usageError('--lang fr|en', values.lang) : undefined,
    // bilan and review render one document in formats of their own, checked by the command.
    ...(command === 'bilan' || command === 'review' ? [] : outputs.errors),
    ![...SEVERITIES, 'never'].includes(failOn) ? usageError('--fail-on error|warning|info|never', failOn) : undefined,
  ].filter((problem) => problem !== undefined);
  const asOf = values['as-of'] === undefined ? undefined : parseAsOf(values['as-of']);
  if (values['as-of'] !== undefined && asOf === undefined) problems.push(usageError('--as-of AAAA-MM-JJ | JJ/MM/AAAA', values['as-of']));
  // A check whose outputs are known still writes them, carrying the usage errors.
  const runInputs = { snapshots: args, files: [values.config, values.waivers, values.baseline], rulesDirs: values.rules ?? [] };
  const checkOutputsKnown = command === 'check' && outputs.errors.length === 0;
  if (problems.length > 0) return emit(checkOutputsKnown ? await invalidCheckOutputs(problems, outputs.targets, runInputs, lang) : invalid(problems, format));
  const common = { lang, format, rulesDirs: values.rules ?? [], config: values.config };

  // Each command's code is loaded when it runs: `vigie check` starts its trace worker first.
  switch (command) {
    case 'check': {
      if (args.length === 0) return emit(await invalidCheckOutputs([usageError(`vigie check <${SNAPSHOT_WORD[lang]}...>`)], outputs.targets, runInputs, lang));
      // Only an interactive terminal opens the Ink app; pipes, CI and --format print and exit.
      const interactive = values.format === undefined && !values.output && Boolean(process.stdout.isTTY && process.stdin.isTTY) && !process.env.CI;
      const lenient = values.lenient ?? false;
      // The traces of one snapshot are read on the other core while this thread loads the rest of vigie.
      const traceWorker = args.length === 1 && !interactive ? await startTraceWorkerFor(args[0], { ...common, asOf, lenient }) : undefined;
      try {
        const { checkCommand } = await import('./commands/check-command.js');
        return emit(
          await checkCommand({
            ...common,
            snapshots: args,
            asOf,
            targets: outputs.targets,
            failOn,
            lenient,
            strict: values.strict ?? false,
            waivers: values.waivers,
            baseline: values.baseline,
            redactKey: values.redact ? redactKey(process.env.VIGIE_REDACT_KEY) : undefined,
            color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
            interactive,
            ...(traceWorker ? { traceWorker } : {}),
          }),
        );
      } finally {
        traceWorker?.cancel();
      }
    }
    case 'validate': {
      if (args.length !== 1) return emit(invalid([usageError(`vigie validate <${SNAPSHOT_WORD[lang]}>`)], format));
      const { validateCommand } = await import('./commands/validate-command.js');
      return emit(await validateCommand({ ...common, snapshot: args[0], strict: values.strict ?? false }));
    }
    case 'bilan': {
      if (args.length !== 1) return emit(invalid([usageError(`vigie bilan <${SNAPSHOT_WORD[lang]}> [--previous ${SNAPSHOT_WORD[lang].toUpperCase()}] [--format markdown|html] [--output FILE]`)], format));
      const { bilanCommand } = await import('./commands/bilan-command.js');
      return emit(
        await bilanCommand({
          ...common,
          snapshot: args[0],
          previous: values.previous,
          asOf,
          lenient: values.lenient ?? false,
          strict: values.strict ?? false,
          formats: values.format ?? [],
          outputs: values.output ?? [],
          redactKey: values.redact ? redactKey(process.env.VIGIE_REDACT_KEY) : undefined,
        }),
      );
    }
    case 'review': {
      if (args.length !== 1) return emit(invalid([usageError(`vigie review <${SNAPSHOT_WORD[lang]}> [--format csv|markdown] [--delimiter ';'|','] [--output FILE]`)], format));
      const { reviewCommand } = await import('./commands/review-command.js');
      return emit(
        await reviewCommand({
          ...common,
          snapshot: args[0],
          asOf,
          lenient: values.lenient ?? false,
          strict: values.strict ?? false,
          formats: values.format ?? [],
          outputs: values.output ?? [],
          delimiter: values.delimiter,
          redactKey: values.redact ? redactKey(process.env.VIGIE_REDACT_KEY) : undefined,
        }),
      );
    }
    case 'deadlines': {
      if (args.length !== 1) return emit(invalid([usageError(`vigie deadlines <${SNAPSHOT_WORD[lang]}> [--ics FILE]`)], format));
      const { deadlinesCommand } = await import('./commands/deadlines-command.js');
      return emit(
        await deadlinesCommand({ ...common, snapshot: args[0], asOf, lenient: values.lenient ?? false, strict: values.strict ?? false, waivers: values.waivers, targets: outputs.targets, ics: values.ics }),
      );
    }
    case 'rules': {
      const { rulesCommand } = await import('./commands/rules-command.js');
      return emit(await rulesCommand({ ...common, action: args[0] ?? 'list', argument: args[1] }));
    }
  }
  return emit(invalid([usageError(lang === 'fr' ? 'commande inconnue' : 'unknown command', command)], format));
}

/**
 * Usage errors of `vigie check` written to every output it asked for, as input errors are
 * (src/commands/invalid-check.ts), unless an output names a file the run would read: then nothing is written.
 */
async function invalidCheckOutputs(
  errors: readonly DisplayError[],
  targets: readonly OutputTarget[],
  inputs: { readonly snapshots: readonly string[]; readonly files: readonly (string | undefined)[]; readonly rulesDirs: readonly string[] },
  lang: string,
): Promise<CommandResult> {
  const language = lang === 'en' ? 'en' : 'fr';
  const { runOutputClashes } = await import('./commands/output-clash.js');
  const clashes = await runOutputClashes(targets.map((target) => ({ option: '--output', file: target.file ?? '' })), inputs, language);
  if (clashes.length > 0) return invalid([...errors, ...clashes], 'text');
  const { invalidCheck } = await import('./commands/invalid-check.js');
  return invalidCheck(errors, [], targets, language);
}

// A reader that stops early (`vigie check … | head`) closes the pipe: that is not an error of
// vigie, and the run keeps its exit code. Any other failure (a full disk) is one line and exit 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const line =
    runLang === 'en'
      ? `vigie: cannot write to standard output: ${writeErrorText(error, 'en')}\n`
      : `vigie: écriture impossible sur la sortie standard : ${writeErrorText(error, 'fr')}\n`;
  try {
    process.stderr.write(line);
  } finally {
    process.exit(EXIT.invalid);
  }
});

function emit(result: CommandResult): number {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of vigie, not of the user's data: say so plainly, without a stack trace.
    process.stderr.write(`vigie: erreur interne : ${terminalText((error as Error)?.message ?? String(error))}\n`);
    process.exitCode = EXIT.invalid;
  },
);
