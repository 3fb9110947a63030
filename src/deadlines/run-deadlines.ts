import { evaluate } from '../engine/evaluate.js';
import { computeDeadlines } from './compute-deadlines.js';
import type { DeadlinesReport } from './deadline-types.js';
import { loadDeadlineDefinitions } from './load-deadline-definitions.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import { loadWaivers } from '../waivers/load-waivers.js';
import { chooseAsOf } from '../util/as-of.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { fromInputError } from '../snapshot/display-input-error.js';
import { loadCatalogue, type CatalogueOptions } from '../pipeline/run-check.js';
import { isFolder } from '../util/is-folder.js';

/** What `vigie deadlines` is told besides the snapshot. */
export interface DeadlinesOptions extends CatalogueOptions {
  readonly asOf?: string;
  readonly lenient?: boolean;
  /** `--strict`: input warnings are errors. */
  readonly strict?: boolean;
  /** `--waivers FILE`: their expiry dates are deadlines too. */
  readonly waivers?: string;
}

/** The deadlines report, or the input errors that prevent it. */
export type DeadlinesOutcome =
  | { readonly kind: 'report'; readonly report: DeadlinesReport }
  | { readonly kind: 'invalid'; readonly errors: readonly DisplayError[] };

/** `vigie deadlines`: the followed rules are evaluated, so a deadline exists exactly where its rule applies. */
export async function runDeadlines(path: string, options: DeadlinesOptions): Promise<DeadlinesOutcome> {
  const catalogue = loadCatalogue(options);
  const loaded = loadDeadlineDefinitions(options.lang);
  const waivers = options.waivers === undefined ? undefined : loadWaivers(options.waivers, options.lang);
  const setupErrors = [...catalogue.errors, ...loaded.errors, ...(waivers?.errors ?? [])];
  if (setupErrors.length > 0 || !loaded.definitions) return { kind: 'invalid', errors: setupErrors };
  const definitions = loaded.definitions;

  const snapshot = await loadSnapshot(path, { lenient: options.lenient, strict: options.strict });
  const root = isFolder(path) ? path : undefined;
  if (snapshot.errors.length > 0 || !snapshot.snapshot) {
    return { kind: 'invalid', errors: snapshot.errors.map((error) => fromInputError(error, root, options.lang)) };
  }
  const asOf = chooseAsOf(options.asOf, snapshot.snapshot.partner.data.extracted_on);
  const followed = new Set(Object.values(definitions).flatMap((definition) => ('rule' in definition && definition.follows_rule ? [definition.rule] : [])));
  const evaluation = await evaluate(
    snapshot.snapshot,
    catalogue.rules.filter((rule) => followed.has(rule.id)),
    catalogue.shared,
    { asOf, lang: options.lang, lenient: options.lenient },
  );
  if (!evaluation.report) return { kind: 'invalid', errors: evaluation.errors.map((error) => fromInputError(error, root, options.lang)) };
  const report = computeDeadlines({
    snapshot: snapshot.snapshot,
    described: evaluation.report.snapshot,
    asOf,
    lang: options.lang,
    definitions,
    rules: catalogue.rules,
    statuses: new Map(evaluation.report.rules.map((status) => [status.id, status])),
    waivers: waivers?.waivers,
  });
  return { kind: 'report', report };
}
