import { EventEmitter } from 'node:events';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../src/report/report-types.js';
import { runInteractiveCheck, type InteractiveCheckOptions, type TerminalStreams } from '../../src/tui/run-tui.js';
import { KEY, tick } from './render-app.js';
import { REPORT } from './report-fixture.js';

const run = suite('run-tui');

/** A terminal's input: records raw mode switches, hands out what a test types. */
class FakeStdin extends EventEmitter {
  constructor(readonly isTTY = true) {
    super();
  }
  readonly rawModes: boolean[] = [];
  private pending: string[] = [];
  setRawMode(on: boolean) {
    this.rawModes.push(on);
    return this;
  }
  setEncoding() {
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
  read(): string | null {
    return this.pending.shift() ?? null;
  }
  type(data: string) {
    this.pending.push(data);
    this.emit('readable');
  }
}

/** A terminal's output: 80×24, keeps everything written. */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 80;
  readonly rows = 24;
  written = '';
  write(chunk: string) {
    this.written += chunk;
    return true;
  }
}

function terminal(keyboard = true) {
  const stdin = new FakeStdin(keyboard);
  const stdout = new FakeStdout();
  const streams = {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
    env: {},
  } satisfies TerminalStreams;
  return { stdin, stdout, streams };
}

function options(load: InteractiveCheckOptions['load'], exitCode = 1): InteractiveCheckOptions {
  return { lang: 'fr', load, exitCodeOf: () => exitCode };
}

async function typeWhenReady(stdin: FakeStdin, ...keys: string[]) {
  // The report is on screen once the app has asked for raw mode and the load has resolved.
  await tick(50);
  for (const key of keys) {
    stdin.type(key);
    await tick();
  }
}

function assertClean(stdin: FakeStdin, stdout: FakeStdout) {
  assert.is(stdin.rawModes.at(-1), false, 'raw mode is off');
  assert.is(stdin.listenerCount('readable'), 0, 'nothing listens to the keyboard');
  const enter = stdout.written.indexOf('\u001B[?1049h');
  const leave = stdout.written.lastIndexOf('\u001B[?1049l');
  assert.ok(enter === 0 && leave > enter, 'the alternate screen was entered first and left last');
  assert.ok(stdout.written.endsWith('\u001B[?1049l'), 'nothing is written after leaving the alternate screen');
  assert.ok(stdout.written.includes('\u001B[?25h'), 'the cursor is shown again');
}

run('q resolves to the exit code of the check and leaves the terminal clean', async () => {
  const { stdin, stdout, streams } = terminal();
  const done = runInteractiveCheck(options(async () => REPORT, 1), streams);
  await typeWhenReady(stdin, KEY.down, KEY.enter, KEY.escape, 'q');
  assert.is(await done, 1);
  assertClean(stdin, stdout);
});

run('the exit code is whatever the non-interactive check would return', async () => {
  const { stdin, streams } = terminal();
  const done = runInteractiveCheck(options(async () => REPORT, 0), streams);
  await typeWhenReady(stdin, '/', 'q', KEY.escape, 'q');
  assert.is(await done, 0);
});

run('Ctrl+C quits like q', async () => {
  const { stdin, stdout, streams } = terminal();
  const done = runInteractiveCheck(options(async () => REPORT, 1), streams);
  await typeWhenReady(stdin, KEY.ctrlC);
  assert.is(await done, 1);
  assertClean(stdin, stdout);
});

run('invalid input resolves to 2 without a key', async () => {
  const { stdin, stdout, streams } = terminal();
  assert.is(await runInteractiveCheck(options(async () => undefined), streams), 2);
  assertClean(stdin, stdout);
});

run('quitting while the snapshot loads resolves to 130', async () => {
  const { stdin, stdout, streams } = terminal();
  const done = runInteractiveCheck(options(() => new Promise<Report | undefined>(() => {})), streams);
  await typeWhenReady(stdin, 'q');
  assert.is(await done, 130);
  assertClean(stdin, stdout);
});

run('a failing load rejects after the terminal is restored', async () => {
  const { stdin, stdout, streams } = terminal();
  const failure = runInteractiveCheck(
    options(async () => {
      throw new Error('disque illisible');
    }),
    streams,
  );
  try {
    await failure;
    assert.unreachable('should have rejected');
  } catch (error) {
    assert.instance(error, Error);
    assert.is((error as Error).message, 'disque illisible');
  }
  assertClean(stdin, stdout);
});

run('without a keyboard the report is shown once and the exit code returned', async () => {
  const { stdin, stdout, streams } = terminal(false);
  assert.is(await runInteractiveCheck(options(async () => REPORT, 1), streams), 1);
  assert.equal(stdin.rawModes, []);
  assert.not.match(stdout.written, '\u001B[?1049h');
});

run.run();
