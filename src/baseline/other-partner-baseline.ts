import type { Lang } from '../i18n/lang.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import type { Report } from '../report/report-types.js';
import { displayPath, readText } from '../rules/read-yaml-file.js';
import { FILE_LIMITS } from '../util/read-bounded-text.js';
import { parseYamlSource } from '../util/yaml-source.js';
import { baselineMessage } from './baseline-messages.js';
import type { BaselineReport } from './load-baseline.js';

/**
 * The previous report of another partner that a run would be compared with, if any: every finding
 * would read « nouveau » and every old one « résolu ». In a single run, a baseline whose reports all
 * carry other SIRETs; in any run, the report at the partner's path with another SIRET. A report
 * without SIRET, or a partner new to a portfolio, is no evidence of another partner.
 */
export function otherPartnerBaseline(report: Report, baseline: readonly BaselineReport[], singleRun: boolean): BaselineReport | undefined {
  const { siret, path } = report.snapshot;
  if (!siret || baseline.some((previous) => previous.snapshot?.siret === siret)) return undefined;
  const byPath = baseline.find((previous) => previous.snapshot?.path === path);
  if (byPath) return byPath.snapshot?.siret ? byPath : undefined;
  const allOthers = baseline.length > 0 && baseline.every((previous) => Boolean(previous.snapshot?.siret));
  return singleRun && allOthers ? baseline[0] : undefined;
}

/** The error of a baseline of another partner, at the line of its SIRET in the baseline file. */
export function otherPartnerError(baselinePath: string, previous: BaselineReport, report: Report, lang: Lang): DisplayError {
  const text = readText(baselinePath, [], FILE_LIMITS.baseline, 'baseline-unreadable');
  // The file was read and validated moments ago: a failure to re-read it only loses the position.
  const place = text === undefined ? { line: 1, column: 1 } : parseYamlSource(text).locate([...(previous.at ?? []), 'snapshot', 'siret']);
  return {
    file: displayPath(baselinePath),
    ...place,
    code: 'baseline-other-partner',
    message: baselineMessage('baseline-other-partner', lang, { path: report.snapshot.path, siret: report.snapshot.siret ?? '' }),
    value: previous.snapshot?.siret ?? '',
  };
}
