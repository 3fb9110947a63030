import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** Columns and rows of the terminal. */
export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** The terminal's size, updated on 'resize' so the layout follows the window. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  // A stream that is not a terminal has no size; 80×24 is the classic default.
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    // The size may have changed between the first render and this subscription.
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
