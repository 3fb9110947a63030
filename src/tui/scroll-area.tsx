import { useEffect, useRef, type ReactNode } from 'react';
import { Box, measureElement, type DOMElement } from 'ink';

/** The window and the content it scrolls over. */
export interface ScrollAreaProps {
  readonly height: number;
  readonly width: number;
  readonly top: number;
  /** Told the content's height after each layout, so the container can bound scrolling. */
  readonly onMeasure: (lines: number) => void;
  readonly children: ReactNode;
}

/** A window over content of any length; Ink wraps, so the content is measured, not counted. */
export function ScrollArea({ height, width, top, onMeasure, children }: ScrollAreaProps) {
  const content = useRef<DOMElement>(null);
  useEffect(() => {
    if (content.current) onMeasure(measureElement(content.current).height);
  });
  return (
    <Box height={height} width={width} overflow="hidden" flexDirection="column">
      <Box ref={content} flexDirection="column" flexShrink={0} width={width} marginTop={-top}>
        {children}
      </Box>
    </Box>
  );
}
