import { checkSnapshot, loadCatalogue, type CheckOptions } from '../pipeline/run-check.js';
import { usageError } from '../diagnostics/display-error.js';
import { fromInputError } from '../snapshot/display-input-error.js';
import { buildReview } from '../review/build-review.js';
import { CSV_DELIMITERS, isCsvDelimiter } from '../format/review/csv-cell.js';
import { render } from '../format/registry.js';
import { planOutputs } from '../format/plan-outputs.js';
import { redactReview } from '../review/redact-review.js';
import { EXIT } from '../report/exit-code.js';
import { isFolder } from '../util/is-folder.js';
import { invalid, withErrors, type CommandResult } from './command-result.js';
import { writeOutputs } from './write-outputs.js';
import { runOutputClashes } from './output-clash.js';

/** The command line of `vigie review`, parsed. */
export interface ReviewCommandOptions extends CheckOptions {
  readonly snapshot: string;
  readonly formats: readonly string[];
  readonly outputs: readonly string[];
  /** `--delimiter`: `;` (default, French Excel) or `,`. */
  readonly delimiter?: string;
  /** `--redact`: the HMAC key of the pseudonyms; undefined keeps names. */
  readonly redactKey?: Buffer;
}

/** `vigie review` (CS art. 2.2.2): runs the check first, then lists the grants from its snapshot. */
export async function reviewCommand(options: ReviewCommandOptions): Promise<CommandResult> {
  const { targets, errors: usage } = planOutputs(options.formats, options.outputs, 'review', options.lang);
  const delimiter = options.delimiter ?? ';';
  if (!isCsvDelimiter(delimiter)) usage.push(usageError(`--delimiter ${CSV_DELIMITERS.map((item) => `'${item}'`).join('|')}`, delimiter));
  if (usage.length > 0 || !isCsvDelimiter(delimiter)) return invalid(usage, 'text');
  const clashes = await runOutputClashes(
    targets.map((target) => ({ option: '--output', file: target.file ?? '' })),
    { snapshots: [options.snapshot], files: [options.config], rulesDirs: options.rulesDirs ?? [] },
    options.lang,
  );
  const catalogue = loadCatalogue(options);
  if (clashes.length > 0 || catalogue.errors.length > 0) return invalid([...clashes, ...catalogue.errors], 'text');

  const checked = await checkSnapshot(options.snapshot, catalogue, options);
  if (checked.kind === 'invalid') return invalid(checked.errors, 'text');
  const built = await buildReview(checked.snapshot, checked.report, { lenient: options.lenient });
  if (!built.review) {
    const root = isFolder(options.snapshot) ? options.snapshot : undefined;
    return invalid(built.errors.map((error) => fromInputError(error, root, options.lang)), 'text');
  }
  const review = options.redactKey ? redactReview(built.review, options.redactKey, options.lang) : built.review;
  const written = writeOutputs(
    targets.map((target) => ({
      file: target.file,
      render: () => render('review', target.format, review, { lang: options.lang, delimiter }),
    })),
    options.lang,
  );
  return withErrors(written.stdout, written.errors, EXIT.ok);
}
