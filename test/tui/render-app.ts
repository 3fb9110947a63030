import { stripVTControlCharacters } from 'node:util';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import type { Report } from '../../src/report/report-types.js';
import { CheckApp, type LoadReport } from '../../src/tui/check-app.js';

/** Key sequences as a terminal sends them. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

const immediate = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Resolves once Ink has handled what was written: React renders on a setImmediate, a lone
 * Esc waits for one, and a page re-renders once more after measuring its content.
 */
export async function tick(ms = 15): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  for (let round = 0; round < 3; round += 1) await immediate();
}

/** Waits until `condition` holds, failing with the last frame after `timeout` ms. */
export async function waitFor(condition: () => boolean, describe: () => string, timeout = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error(`timed out; last frame:\n${describe()}`);
    await tick(10);
  }
}

export interface AppHarness {
  /** The last frame as plain text (chalk may colour it when the test runner forces colours). */
  readonly frame: () => string;
  /** The last frame as Ink wrote it, escape sequences included. */
  readonly rawFrame: () => string;
  /** Writes each key in turn, waiting for Ink between them. */
  readonly press: (...keys: string[]) => Promise<void>;
  /** Writes the keys back to back, as a held key does, then waits once. */
  readonly burst: (...keys: string[]) => Promise<void>;
  /** Changes the terminal size as a window resize does. */
  readonly resize: (columns: number, rows: number) => Promise<void>;
  /** Exit codes the app reported. */
  readonly quits: number[];
  readonly unmount: () => void;
}

export interface RenderOptions {
  readonly columns?: number;
  readonly rows?: number;
  readonly lang?: 'fr' | 'en';
  readonly exitCode?: number;
  /** Defaults to resolving to `report` at once. */
  readonly load?: LoadReport;
  /** Wait for this text before returning (the partner's name by default). */
  readonly readyText?: string;
}

/** Renders the app on `report` in an 80×24 terminal, and waits for the report on screen. */
export async function renderApp(report: Report | undefined, options: RenderOptions = {}): Promise<AppHarness> {
  const quits: number[] = [];
  const app = render(
    createElement(CheckApp, {
      lang: options.lang ?? 'fr',
      load: options.load ?? (async () => report),
      exitCodeOf: () => options.exitCode ?? 1,
      color: false,
      onQuit: (code: number) => quits.push(code),
    }),
  );
  const frame = () => stripVTControlCharacters(app.lastFrame() ?? '');
  const resize = async (columns: number, rows: number) => {
    // ink-testing-library's stdout is 100 columns with no rows; a resize event is how a terminal says otherwise.
    Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
    app.stdout.emit('resize');
    await tick();
  };
  await resize(options.columns ?? 80, options.rows ?? 24);
  const readyText = options.readyText ?? report?.snapshot.partner;
  if (readyText) await waitFor(() => frame().includes(readyText), frame);
  return {
    frame,
    rawFrame: () => app.lastFrame() ?? '',
    press: async (...keys: string[]) => {
      for (const key of keys) {
        app.stdin.write(key);
        await tick();
      }
    },
    burst: async (...keys: string[]) => {
      for (const key of keys) app.stdin.write(key);
      await tick();
    },
    resize,
    quits,
    unmount: () => app.unmount(),
  };
}

/** Lines of a frame that show findings (the selected one starts with `›`). */
export function findingLines(frame: string): string[] {
  return frame.split('\n').filter((line) => /^[› ][✖▲ℹ] /.test(line));
}
