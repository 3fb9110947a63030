import { join } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import type { Report } from '../report/report-types.js';
import type { Snapshot } from '../snapshot/snapshot-types.js';
import { formatDate, isIsoDate } from '../util/dates.js';
import { isFolder } from '../util/is-folder.js';

/** A checked snapshot: its report and what it was read from. */
export interface CheckedSnapshot {
  readonly report: Report;
  readonly snapshot: Snapshot;
}

/**
 * Why `--previous` cannot be this bilan's previous one, all reasons at once: another partner's
 * SIRET (every finding would read as appeared and resolved), or an export dated after this one's
 * date (its `extracted_on`, or the as-of date when that is earlier): « previous » would be later.
 */
export function previousErrors(current: CheckedSnapshot, previous: CheckedSnapshot, path: string, lang: Lang): DisplayError[] {
  const errors: DisplayError[] = [];
  const [now, then] = [current.report.snapshot.siret, previous.report.snapshot.siret];
  if (now && then && now !== then) {
    const message =
      lang === 'fr'
        ? `--previous : SIRET ${then}, celui d'un autre partenaire que ${now}`
        : `--previous: SIRET ${then} is another partner's than ${now}`;
    errors.push({ file: path, line: 1, column: 1, code: 'previous-other-partner', message });
  }
  const thenDate = previous.snapshot.partner.data.extracted_on;
  const currentDate = [current.snapshot.partner.data.extracted_on, current.report.asOf].filter(isIsoDate).sort()[0];
  if (isIsoDate(thenDate) && currentDate !== undefined && thenDate > currentDate) {
    const place = previous.snapshot.partner.locate(['extracted_on']) ?? { line: 1, column: 1 };
    const message =
      lang === 'fr'
        ? `--previous : export du ${formatDate(thenDate, lang)}, postérieur à celui du bilan (${formatDate(currentDate, lang)}) : le précédent doit être plus ancien`
        : `--previous: export of ${thenDate}, after the bilan's (${currentDate}): the previous one must be older`;
    errors.push({ file: partnerFileShown(path, previous.snapshot), ...place, code: 'previous-after-current', message });
  }
  return errors;
}

/** The previous snapshot's partner file from the working directory (the single file itself, as given). */
function partnerFileShown(path: string, snapshot: Snapshot): string {
  return isFolder(path) ? join(path, snapshot.partner.file) : path;
}
