import { formatDate } from '../../util/dates.js';
import { csvRecord } from './csv-cell.js';
import { reviewLabels } from './review-labels.js';
import type { ReviewFormatOptions } from './review-format-options.js';
import type { ReviewList } from '../../review/review-types.js';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; without it accents break. */
const BOM = '\uFEFF';

/** The review list as CSV with decision columns; cells defused, as names come from the partner's exports. */
export function formatReviewCsv(review: ReviewList, options: ReviewFormatOptions): string {
  const words = reviewLabels(options.lang);
  const delimiter = options.delimiter ?? ';';
  const column = words.columns;
  const header = [
    column.userId, column.lastName, column.firstName, column.function, column.service, column.profile, column.profileLabel,
    column.scopeLevel, column.scopeId, column.scopeName, column.grantedOn, column.lastActivity, column.activityBasis,
    column.findings, column.source, column.decision, column.comment,
  ];
  const records = review.rows.map((row) =>
    csvRecord(
      [
        row.userId,
        row.lastName ?? '',
        row.firstName ?? '',
        row.function ?? '',
        row.service,
        row.profile,
        row.profileLabel,
        words.scopeLevel[row.scopeLevel],
        row.scopeId,
        row.scopeName ?? '',
        formatDate(row.grantedOn, options.lang),
        row.lastActivity ? formatDate(row.lastActivity, options.lang) : '',
        words.basisText[row.activityBasis],
        row.findings.join(', '),
        `${row.source.file}:${row.source.line}`,
        '',
        '',
      ],
      delimiter,
    ),
  );
  return `${BOM}${csvRecord(header, delimiter)}${records.join('')}`;
}
