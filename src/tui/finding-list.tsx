import { Box, Text } from 'ink';
import type { Lang } from '../i18n/lang.js';
import { SEVERITY_SYMBOL } from '../report/labels.js';
import type { ListRow } from './list-rows.js';
import { severityColor } from './severity-color.js';
import { subjectText } from './subject-text.js';
import { tuiLabels } from './tui-labels.js';

/** The rows of the list and the window over them. */
export interface FindingListProps {
  readonly rows: readonly ListRow[];
  readonly top: number;
  readonly height: number;
  /** Index in `report.findings` of the selected finding. */
  readonly selected?: number;
  readonly width: number;
  readonly lang: Lang;
  readonly color: boolean;
  /** Shown instead of rows when there are none. */
  readonly emptyText: string;
}

/** The list rows on screen; the `›` marker shows the selection where inverse video is lost. */
export function FindingList({ rows, top, height, selected, width, lang, color, emptyText }: FindingListProps) {
  if (rows.length === 0) {
    return (
      <Box height={height} width={width}>
        <Text>{emptyText}</Text>
      </Box>
    );
  }
  const waivedTag = tuiLabels(lang).waivedTag;
  return (
    <Box flexDirection="column" height={height} width={width}>
      {rows.slice(top, top + height).map((row) => {
        if (row.kind === 'heading') {
          const symbol = row.severity ? `${SEVERITY_SYMBOL[row.severity]} ` : '';
          return (
            <Text key={`h:${row.text}`} bold color={row.severity ? severityColor(row.severity, color) : undefined} wrap="truncate-end">
              {symbol}
              {row.text} ({row.count})
            </Text>
          );
        }
        const { finding } = row;
        const isSelected = row.index === selected;
        return (
          <Text key={`f:${row.index}`} inverse={isSelected} dimColor={finding.waived && !isSelected} wrap="truncate-end">
            {isSelected ? '›' : ' '}
            <Text color={severityColor(finding.severity, color)}>{SEVERITY_SYMBOL[finding.severity]}</Text> <Text bold>{finding.ruleId}</Text>
            {'  '}
            {subjectText(finding.subject, lang)}
            {finding.waived ? ` [${waivedTag}]` : ''}
            {'  '}
            {finding.message}
          </Text>
        );
      })}
    </Box>
  );
}
