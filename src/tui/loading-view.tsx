import { Box, Text } from 'ink';
import type { Lang } from '../i18n/lang.js';
import { fill } from '../report/labels.js';
import { tuiLabels } from './tui-labels.js';

/** How far the reading of one snapshot file has gone. */
export interface FileProgress {
  readonly file: string;
  readonly rows: number;
  readonly done: boolean;
}

/** The files read so far, in reading order. */
export interface LoadingViewProps {
  readonly files: readonly FileProgress[];
  readonly lang: Lang;
  readonly width: number;
  readonly height: number;
}

/** Files being read and rows so far, so that a large trace file never looks frozen. */
export function LoadingView({ files, lang, width, height }: LoadingViewProps) {
  const tui = tuiLabels(lang);
  const reading = files.some((file) => !file.done);
  const evaluating = files.length > 0 && !reading;
  // Keep the latest files when a snapshot has more files than lines.
  const shown = files.slice(Math.max(0, files.length - Math.max(1, height - 3)));
  const nameWidth = Math.min(Math.max(0, ...shown.map((file) => [...file.file].length)) + 2, Math.floor(width / 2));
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{tui.loading}</Text>
      <Box flexDirection="column" marginTop={1}>
        {shown.map((file) => (
          <Box key={file.file}>
            <Text>{file.done ? '✓ ' : '… '}</Text>
            <Box width={nameWidth} flexShrink={0}>
              <Text wrap="truncate-middle">{file.file}</Text>
            </Box>
            <Text>{fill(tui.rows, { n: number.format(file.rows) })}</Text>
          </Box>
        ))}
      </Box>
      {evaluating ? (
        <Box marginTop={1}>
          <Text>{tui.evaluating}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
