import { Box, Text } from 'ink';

/** The status text and where one is. */
export interface StatusLineProps {
  readonly text: string;
  /** Where one is (`3/12`, `lignes 1–20 sur 35`), kept on the right. */
  readonly position?: string;
  readonly width: number;
  readonly editing?: boolean;
}

/** The line between the content and the keys: filters, search, position. */
export function StatusLine({ text, position, width, editing }: StatusLineProps) {
  return (
    <Box width={width} justifyContent="space-between">
      <Box flexShrink={1}>
        <Text wrap={editing ? 'truncate-start' : 'truncate-end'} bold={editing}>
          {text}
          {editing ? '█' : ''}
        </Text>
      </Box>
      {position ? (
        <Box flexShrink={0} marginLeft={1}>
          <Text dimColor>{position}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
