import { Box, Text } from 'ink';

/** One key hint: the key(s) and what they do. */
export interface KeyHint {
  readonly keys: string;
  readonly action: string;
}

const SEPARATOR = ' · ';

/** Hints on as few lines as fit, never cut; computed, as the layout needs the count before rendering. */
export function arrangeHints(hints: readonly KeyHint[], width: number): KeyHint[][] {
  const lines: KeyHint[][] = [];
  let current: KeyHint[] = [];
  let used = 0;
  for (const hint of hints) {
    const length = [...`${hint.keys} ${hint.action}`].length;
    const needed = current.length === 0 ? length : used + SEPARATOR.length + length;
    if (current.length > 0 && needed > width) {
      lines.push(current);
      current = [hint];
      used = length;
    } else {
      current.push(hint);
      used = needed;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** Hints already arranged in lines by `arrangeHints`. */
export interface KeyFooterProps {
  readonly lines: readonly (readonly KeyHint[])[];
  readonly width: number;
}

/** The keys of the current screen, keys in bold, actions dimmed. */
export function KeyFooter({ lines, width }: KeyFooterProps) {
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, lineIndex) => (
        <Text key={lineIndex} wrap="truncate-end">
          {line.map((hint, index) => (
            <Text key={hint.keys + hint.action}>
              {index > 0 ? <Text dimColor>{SEPARATOR}</Text> : ''}
              <Text bold>{hint.keys}</Text> <Text dimColor>{hint.action}</Text>
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
