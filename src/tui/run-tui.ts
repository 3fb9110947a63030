import { createElement } from 'react';
import { render } from 'ink';
import type { Report } from '../report/report-types.js';
import { CheckApp, EXIT_INVALID } from './check-app.js';

/** What `vigie check` hands to the interactive view. */
export interface InteractiveCheckOptions {
  readonly lang: 'fr' | 'en';
  /** Undefined for invalid input, whose errors the CLI prints after the app exits. */
  readonly load: (onProgress: (event: { file: string; rows: number; done: boolean }) => void) => Promise<Report | undefined>;
  /** The exit code of the non-interactive check for this report. */
  readonly exitCodeOf: (report: Report) => number;
}

/** The streams the app runs on; the process's own unless a test provides others. */
export interface TerminalStreams {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

// The alternate screen, as `less` and `vim` use it: the shell's screen comes back untouched.
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/** Renders the app until the user quits, then leaves the terminal clean for errors printed next. */
export async function runInteractiveCheck(options: InteractiveCheckOptions, streams: TerminalStreams = processStreams()): Promise<number> {
  const { stdin, stdout, stderr, env } = streams;
  const fullScreen = Boolean(stdout.isTTY && stdin.isTTY);
  let exitCode = EXIT_INVALID;
  if (fullScreen) stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(
    createElement(CheckApp, {
      lang: options.lang,
      load: options.load,
      exitCodeOf: options.exitCodeOf,
      // https://no-color.org: any non-empty value turns colours off.
      color: !env.NO_COLOR,
      onQuit: (code: number) => {
        exitCode = code;
      },
    }),
    // Ctrl+C goes through the app, which quits with the check's exit code like `q`.
    { stdin, stdout, stderr, exitOnCtrlC: false },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    if (fullScreen) stdout.write(LEAVE_ALTERNATE_SCREEN);
  }
  return exitCode;
}

function processStreams(): TerminalStreams {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
