import { Text, Transform, type TextProps } from 'ink';

// Ink wraps with wrap-ansi's `trim: false`, which starts a line with the space it broke at
// when a word ends exactly at the edge; styles may open the line before that space.
const WRAP_SPACE = /^((?:\u001B\[[\d;]*m)*) /;

function dropWrapSpace(line: string, index: number): string {
  return index === 0 ? line : line.replace(WRAP_SPACE, '$1');
}

/** Text that wraps to its box with every continuation line flush left. */
export function Paragraph(props: TextProps) {
  return (
    <Transform transform={dropWrapSpace}>
      <Text {...props} wrap="wrap" />
    </Transform>
  );
}
