import { Box, Text } from 'ink';
import type { Lang } from '../i18n/lang.js';
import { SEVERITIES } from '../rules/rule-types.js';
import type { Report } from '../report/report-types.js';
import { fill, labels, SEVERITY_SYMBOL } from '../report/labels.js';
import { formatDate } from '../util/dates.js';
import { severityColor } from './severity-color.js';
import { tuiLabels } from './tui-labels.js';
import { inputsLabels } from '../format/check/inputs-labels.js';

/** What the header shows, and how wide. */
export interface HeaderProps {
  readonly report: Report;
  readonly lang: Lang;
  readonly width: number;
  readonly color: boolean;
}

/** Lines the header takes, rule included, without the input manifest's line: the layout reserves them. */
export const HEADER_HEIGHT = 5;

/** Lines the header of this report takes: one more for the files read, when the report lists them. */
export function headerHeight(report: Report): number {
  return HEADER_HEIGHT + (report.inputs ? 1 : 0);
}

/** « Fichiers lus : 11 · 1 161 ligne(s) · 2 avertissement(s) de lecture »: the input manifest in one line (the JSON has it whole). */
export function inputsSummary(report: Report, lang: Lang): string | undefined {
  if (!report.inputs) return undefined;
  const { files, warnings } = report.inputs;
  const rows = files.reduce((sum, entry) => sum + (entry.table === undefined ? 0 : entry.rows), 0);
  return fill(inputsLabels(lang).tuiSummary, { files: new Set(files.map((entry) => entry.file)).size, rows, warnings: warnings.length });
}

/** Who is checked, as of when, and the counts: one line each, cut to the width. */
export function Header({ report, lang, width, color }: HeaderProps) {
  const words = labels(lang);
  const { snapshot, summary } = report;
  const identity = [
    snapshot.siret ? `SIRET ${snapshot.siret}` : undefined,
    `${words.asOf} ${formatDate(report.asOf, lang)}`,
    snapshot.managementMode ? (words.mode[snapshot.managementMode] ?? snapshot.managementMode) : undefined,
    snapshot.path,
  ].filter(Boolean);
  const rulesWaived = report.rules.filter((rule) => rule.status === 'waived').length;
  const inputs = inputsSummary(report, lang);
  const warned = (report.inputs?.warnings.length ?? 0) > 0;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        vigie — {snapshot.partner}
      </Text>
      <Text dimColor wrap="truncate-end">
        {identity.join(' · ')}
      </Text>
      <Text wrap="truncate-end">
        {SEVERITIES.map((severity) => (
          <Text key={severity}>
            <Text color={severityColor(severity, color)}>{SEVERITY_SYMBOL[severity]}</Text>{' '}
            {fill(words.count[severity], { n: summary[severity] })}
            {'  '}
          </Text>
        ))}
        {summary.waived > 0 ? `· ${fill(words.count.waived, { n: summary.waived })}` : ''}
        {summary.rowsSkipped > 0 ? ` · ${fill(words.skipped, { n: summary.rowsSkipped })}` : ''}
      </Text>
      <Text wrap="truncate-end">
        {fill(tuiLabels(lang).rulesLine, {
          failed: summary.rulesFailed,
          passed: summary.rulesPassed,
          notEvaluated: summary.rulesNotEvaluated,
          waived: rulesWaived,
        })}
      </Text>
      {inputs === undefined ? null : (
        <Text wrap="truncate-end" color={warned ? severityColor('warning', color) : undefined} dimColor={!warned}>
          {warned ? `${SEVERITY_SYMBOL.warning} ` : ''}
          {inputs}
        </Text>
      )}
      <Text dimColor>{'─'.repeat(width)}</Text>
    </Box>
  );
}
