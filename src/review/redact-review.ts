import type { Lang } from '../i18n/lang.js';
import type { PersonalKind } from '../redact/personal-fields.js';
import { normalizePersonal } from '../redact/personal-values.js';
import { createPseudonymizer } from '../redact/pseudonymizer.js';
import type { ReviewList } from './review-types.js';

/** `--redact` for the review list: the same pseudonyms as other outputs; user IDs stay to work it through. */
export function redactReview(review: ReviewList, key: Buffer, lang: Lang): ReviewList {
  const known = new Map<string, PersonalKind>();
  for (const row of review.rows) for (const name of [row.lastName, row.firstName]) if (name) known.set(normalizePersonal(name), 'name');
  const redact = createPseudonymizer(key, known, lang);
  return {
    ...review,
    snapshot: { ...review.snapshot, partner: redact(review.snapshot.partner) },
    ...(review.administrator ? { administrator: redact(review.administrator) } : {}),
    rows: review.rows.map((row) => ({
      ...row,
      ...(row.lastName ? { lastName: redact.whole(row.lastName) } : {}),
      ...(row.firstName ? { firstName: redact.whole(row.firstName) } : {}),
      ...(row.function ? { function: redact(row.function) } : {}),
    })),
  };
}
