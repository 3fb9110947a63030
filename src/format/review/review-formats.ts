import type { ReviewFormatOptions } from './review-format-options.js';
import type { ReviewList } from '../../review/review-types.js';
import { formatReviewCsv } from './format-review-csv.js';
import { formatReviewMarkdown } from './format-review-markdown.js';

/** A renderer of the review list: a pure function of it. */
export type ReviewFormatter = (review: ReviewList, options: ReviewFormatOptions) => string;

/** The `vigie review --format` names and their renderers; the first is the default. */
export const REVIEW_FORMATS: Readonly<Record<string, ReviewFormatter>> = {
  csv: formatReviewCsv,
  markdown: formatReviewMarkdown,
};
