import { Box, Text } from 'ink';
import type { Lang } from '../i18n/lang.js';
import type { RuleStatus } from '../report/report-types.js';
import { labels } from '../report/labels.js';
import { sourceHeading } from './list-rows.js';
import { Paragraph } from './paragraph.js';
import { tuiLabels } from './tui-labels.js';

/** The report's rule statuses; the view picks those with a reason. */
export interface NotEvaluatedViewProps {
  readonly rules: readonly RuleStatus[];
  readonly lang: Lang;
  readonly width: number;
}

/** Rules not evaluated and rules passing without applying, with why: a check is only as complete as its data. */
export function NotEvaluatedView({ rules, lang, width }: NotEvaluatedViewProps) {
  const words = labels(lang);
  const notEvaluated = rules.filter((rule) => rule.status === 'not_evaluated');
  const notApplicable = rules.filter((rule) => rule.status === 'passed' && rule.reason);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold underline>
        {words.notEvaluated} ({notEvaluated.length})
      </Text>
      {notEvaluated.length === 0 ? <Text>{tuiLabels(lang).notEvaluatedNone}</Text> : null}
      {notEvaluated.map((rule) => (
        <RuleReason key={rule.id} rule={rule} symbol="?" lang={lang} />
      ))}
      {notApplicable.length > 0 ? (
        <Box marginTop={1}>
          <Text bold underline>
            {words.notApplicable} ({notApplicable.length})
          </Text>
        </Box>
      ) : null}
      {notApplicable.map((rule) => (
        <RuleReason key={rule.id} rule={rule} symbol="–" lang={lang} />
      ))}
    </Box>
  );
}

function RuleReason({ rule, symbol, lang }: { readonly rule: RuleStatus; readonly symbol: string; readonly lang: Lang }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Paragraph>
        {symbol} <Text bold>{rule.id}</Text> — {rule.title}
      </Paragraph>
      <Box paddingLeft={2} flexDirection="column">
        <Text dimColor>{sourceHeading(rule, lang)}</Text>
        <Paragraph>
          {tuiLabels(lang).reason}
          {rule.reason ?? '—'}
        </Paragraph>
      </Box>
    </Box>
  );
}
