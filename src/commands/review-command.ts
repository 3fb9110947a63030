import { checkSnapshot, loadCatalogue, type CheckOptions } from '../pipeline/run-check.js';
import { usageError } from '../diagnostics/display-error.js';
import { fromInputError } from '../snapshot/display-input-error.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { buildReview } from '../review/build-review.js';
import { CSV_DELIMITERS, type CsvDelimiter } from '../format/review/csv-cell.js';
import { REVIEW_FORMATS } from '../format/review/review-formats.js';
import { redactReview } from '../review/redact-review.js';
import { statSync } from 'node:fs';
import type { CommandResult } from './command-result.js';
import { invalid } from './command-result.js';
import { documentTarget } from './document-target.js';
import { writeOutput } from './write-output.js';

export interface ReviewCommandOptions extends CheckOptions {
  readonly snapshot: string;
  readonly formats: readonly string[];
  readonly outputs: readonly string[];
  /** `--delimiter`: `;` (default, French Excel) or `,`. */
  readonly delimiter?: string;
  /** `--redact`: the HMAC key of the pseudonyms; undefined keeps names. */
  readonly redactKey?: Buffer;
}

/**
 * `vigie review`: the list of grants active at D for the annual reverse review (CS art. 2.2.2),
 * each with the findings that touch it. The check runs first (its findings fill the list and
 * its input errors stop it); then the snapshot's tables are read for the list itself.
 */
export async function reviewCommand(options: ReviewCommandOptions): Promise<CommandResult> {
  const { target, errors: usage } = documentTarget(options.formats, options.outputs, Object.keys(REVIEW_FORMATS), options.lang);
  const delimiter = options.delimiter ?? ';';
  if (!(CSV_DELIMITERS as readonly string[]).includes(delimiter)) usage.push(usageError(`--delimiter ${CSV_DELIMITERS.map((item) => `'${item}'`).join('|')}`, delimiter));
  if (!target || usage.length > 0) return invalid(usage, 'text');
  const catalogue = loadCatalogue(options);
  if (catalogue.errors.length > 0) return invalid(catalogue.errors, 'text');

  const checked = await checkSnapshot(options.snapshot, catalogue, options);
  if (checked.kind === 'invalid') return invalid(checked.errors, 'text');
  const root = statSync(options.snapshot, { throwIfNoEntry: false })?.isDirectory() ? options.snapshot : undefined;
  const loaded = await loadSnapshot(options.snapshot, { lenient: options.lenient });
  const built = loaded.snapshot ? await buildReview(loaded.snapshot, checked.report, { lenient: options.lenient }) : { errors: loaded.errors };
  if (!built.review) return invalid(built.errors.map((error) => fromInputError(error, root, options.lang)), 'text');
  const review = options.redactKey ? redactReview(built.review, options.redactKey, options.lang) : built.review;
  const rendered = REVIEW_FORMATS[target.format](review, { lang: options.lang, delimiter: delimiter as CsvDelimiter });
  return writeOutput(rendered, target.file, options.lang);
}
