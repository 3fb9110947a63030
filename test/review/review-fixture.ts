import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../src/rules/rule-types.js';
import { checkSnapshot, loadCatalogue } from '../../src/pipeline/run-check.js';
import { loadSnapshot } from '../../src/snapshot/load-snapshot.js';
import { buildReview } from '../../src/review/build-review.js';
import type { ReviewList } from '../../src/review/review-types.js';

/** The review fixture folder, as the working directory sees it. */
export const BASIC = relative(process.cwd(), fileURLToPath(new URL('../fixtures/review/basic', import.meta.url))) || '.';

/** The review list of a snapshot, built in-process the way `vigie review` builds it. */
export async function reviewOf(path: string = BASIC, lang: Lang = 'fr', asOf?: string): Promise<ReviewList> {
  const catalogue = loadCatalogue({ lang });
  const checked = await checkSnapshot(path, catalogue, { lang, asOf });
  if (checked.kind !== 'report') throw new Error(`snapshot: ${JSON.stringify(checked.errors)}`);
  const loaded = await loadSnapshot(path);
  if (!loaded.snapshot) throw new Error(`snapshot: ${JSON.stringify(loaded.errors)}`);
  const built = await buildReview(loaded.snapshot, checked.report);
  if (!built.review) throw new Error(`traces: ${JSON.stringify(built.errors)}`);
  return built.review;
}
