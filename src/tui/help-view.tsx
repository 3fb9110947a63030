import { Box, Text } from 'ink';
import type { Lang } from '../i18n/lang.js';
import { SEVERITIES } from '../rules/rule-types.js';
import { labels, SEVERITY_SYMBOL } from '../report/labels.js';
import { severityColor } from './severity-color.js';
import { tuiLabels } from './tui-labels.js';

/** Language and colours of the help page. */
export interface HelpViewProps {
  readonly lang: Lang;
  readonly color: boolean;
  readonly width: number;
}

/** Every key of the list, and what the symbols mean. */
export function HelpView({ lang, color, width }: HelpViewProps) {
  const tui = tuiLabels(lang);
  const words = labels(lang);
  const keys = tui.keys;
  const rows = [keys.move, keys.page, keys.open, keys.neighbour, keys.back, keys.search, keys.keepSearch, keys.clearSearch, keys.severities, keys.group, keys.notEvaluated, keys.help, keys.quit];
  const keyWidth = Math.max(...rows.map(([key]) => [...key].length)) + 2;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold underline>
        {tui.help}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {rows.map(([key, action]) => (
          <Box key={`${key}${action}`}>
            <Box width={keyWidth} flexShrink={0}>
              <Text bold>{key}</Text>
            </Box>
            <Text>{action}</Text>
          </Box>
        ))}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>{tui.helpIntro}</Text>
        {SEVERITIES.map((severity) => (
          <Text key={severity}>
            {'  '}
            <Text color={severityColor(severity, color)}>{SEVERITY_SYMBOL[severity]}</Text> {words.severity[severity]}
          </Text>
        ))}
        <Text>
          {'  '}› {tui.selection}
        </Text>
        <Text>
          {'  '}[{tui.waivedTag}] {tui.waivedHelp}
        </Text>
      </Box>
    </Box>
  );
}
