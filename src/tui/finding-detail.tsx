import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../i18n/lang.js';
import type { Evidence, Finding } from '../report/report-types.js';
import { fill, labels, SEVERITY_SYMBOL } from '../report/labels.js';
import { sourceHeading } from './list-rows.js';
import { Paragraph } from './paragraph.js';
import { severityColor } from './severity-color.js';
import { subjectText } from './subject-text.js';
import { tuiLabels } from './tui-labels.js';

/** The finding shown in full. */
export interface FindingDetailProps {
  readonly finding: Finding;
  readonly lang: Lang;
  readonly color: boolean;
  readonly width: number;
}

/** Evidence records listed; a rule over a million trace rows could cite thousands. */
const EVIDENCE_SHOWN = 50;
/** A record value longer than this (a whole list of contacts) is cut. */
const VALUE_SHOWN = 400;

/** One finding in full: message, rule, clause, evidence, remediation and waiver, wrapped to the width. */
export function FindingDetail({ finding, lang, color, width }: FindingDetailProps) {
  const words = labels(lang);
  const tui = tuiLabels(lang);
  const shown = finding.evidence.slice(0, EVIDENCE_SHOWN);
  const hiddenCount = finding.evidence.length - shown.length;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        <Text color={severityColor(finding.severity, color)}>
          {SEVERITY_SYMBOL[finding.severity]} {words.severity[finding.severity].toUpperCase()}
        </Text>
        {finding.waived ? ` [${tui.waivedTag}]` : ''}
        {'  '}
        {finding.ruleId}
        {'  '}
        {subjectText(finding.subject, lang)}
      </Text>
      <Paragraph bold>{finding.title}</Paragraph>
      <Section title={tui.message}>
        <Paragraph>{finding.message}</Paragraph>
      </Section>
      <Section title={sourceHeading(finding, lang)}>
        <Paragraph italic>« {finding.source.quote} »</Paragraph>
      </Section>
      <Section title={`${capitalize(words.evidence)} (${finding.evidence.length})`}>
        {shown.map((item, index) => (
          <EvidenceItem key={`${item.file}:${item.line}:${index}`} evidence={item} />
        ))}
        {hiddenCount > 0 ? <Text dimColor>{fill(words.more, { count: hiddenCount })}</Text> : null}
      </Section>
      <Section title={capitalize(words.remediation)}>
        <Paragraph>{finding.remediation}</Paragraph>
      </Section>
      {finding.waived ? (
        <Box marginTop={1}>
          <Paragraph bold>{tui.waivedNotice}</Paragraph>
        </Box>
      ) : null}
      {finding.category === 'recommendation' ? (
        <Box marginTop={1}>
          <Paragraph>{tui.recommendationNotice}</Paragraph>
        </Box>
      ) : null}
      {finding.baseline ? <Paragraph>{tui.baseline[finding.baseline]}</Paragraph> : null}
      <Box marginTop={1}>
        <Text dimColor wrap="truncate-end">
          {tui.fingerprint} {finding.fingerprint}
        </Text>
      </Box>
    </Box>
  );
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold underline>
        {title}
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        {children}
      </Box>
    </Box>
  );
}

/** `users.csv:5 (users)` and, below, the record's values as `key: value`. */
function EvidenceItem({ evidence }: { readonly evidence: Evidence }) {
  const where = evidence.path ?? evidence.table;
  const values = Object.entries(evidence.values ?? {}).map(([key, value]) => `${key}: ${valueText(value)}`);
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>
          {evidence.file}:{evidence.line}
        </Text>
        {where ? ` (${where})` : ''}
      </Text>
      {values.length > 0 ? (
        <Box paddingLeft={2}>
          <Paragraph dimColor>{values.join(' · ')}</Paragraph>
        </Box>
      ) : null}
    </Box>
  );
}

/** A record value on one line; lists and objects (a partner's contacts) stay readable and wrap at spaces. */
function valueText(value: unknown): string {
  const text = plain(value);
  return text.length > VALUE_SHOWN ? `${text.slice(0, VALUE_SHOWN)}…` : text;
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(plain).join(' ; ');
  if (typeof value === 'object') {
    return `(${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${plain(item)}`)
      .join(', ')})`;
  }
  return String(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
