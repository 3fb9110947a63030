import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../../src/report/report-types.js';
import type { FileProgress } from '../../src/tui/loading-view.js';
import { HOSTILE, hostileSnapshot, removeHostileCopies } from '../cli/hostile-snapshot.js';
import { runCli } from '../cli/run-cli.js';
import { rawControls } from '../util/raw-control.js';
import { KEY, renderApp, tick, waitFor } from './render-app.js';

// The TUI on the report of the hostile snapshot, as `check --format json` gives it: a name
// must not set the terminal's title nor clear it, a line break must not add a line.
const hostile = suite('hostile data in the TUI');

const run = runCli(['check', hostileSnapshot(), '--format', 'json']);
const report = JSON.parse(run.stdout) as Report;

/** A frame without its colours (Ink's own escape sequences) holds no raw control at all. */
function assertShown(raw: string, screen: string): void {
  assert.not.match(raw, '\u001b]', `${screen}: an OSC sequence`);
  assert.not.match(raw, '\u001b[2J', `${screen}: a screen clear`);
  assert.equal(rawControls(raw.replace(/\u001b\[[0-9;]*m/g, '')), [], `${screen}: raw controls`);
}

hostile('the report holds the hostile values, raw (the test would prove nothing otherwise)', () => {
  assert.ok(run.stdout.includes(HOSTILE.lastName), 'the line separator and the override, raw');
  assert.match(report.snapshot.partner, '\u202E');
});

hostile('the header, the list and the detail show the data in visible forms', async () => {
  const app = await renderApp(report, { columns: 120, rows: 60, readyText: 'GOV-DEPUTY-MISSING' });
  assertShown(app.rawFrame(), 'list');
  assert.match(app.frame(), HOSTILE.partnerShown);
  await app.press('/', 'U004', KEY.enter, KEY.enter);
  await waitFor(() => app.frame().includes('HAB-ACCESS-AFTER-DEPARTURE'), app.frame);
  assertShown(app.rawFrame(), 'detail');
  assert.match(app.frame(), `Julie ${HOSTILE.lastNameShown} (U004)`);
  await app.press(KEY.escape, KEY.escape, '/', 'U008', KEY.enter, KEY.enter);
  await waitFor(() => app.frame().includes('HAB-NOT-PARTNER-STAFF'), app.frame);
  assertShown(app.rawFrame(), 'detail of U008');
  assert.match(app.frame(), HOSTILE.employerShown);
  await app.press(KEY.escape, 'n');
  assertShown(app.rawFrame(), 'rules not evaluated');
  app.unmount();
});

hostile('the search line shows a pasted bidi override', async () => {
  const app = await renderApp(report, { readyText: 'GOV-DEPUTY-MISSING' });
  await app.press('/', 'U\u202E4');
  assertShown(app.rawFrame(), 'search');
  assert.match(app.frame(), 'U⟨U+202E⟩4');
  app.unmount();
});

hostile('the loading view shows a file name with controls', async () => {
  let progress: ((event: FileProgress) => void) | undefined;
  const load = (onProgress: (event: FileProgress) => void) =>
    new Promise<Report | undefined>((resolve) => {
      progress = onProgress;
      void resolve;
    });
  const app = await renderApp(undefined, { load, readyText: 'Lecture de l’instantané' });
  progress!({ file: 'users\u001b]0;pwned\u0007.csv', rows: 3, done: false });
  await tick();
  assertShown(app.rawFrame(), 'loading');
  assert.match(app.frame(), 'users␛]0;pwned␇.csv');
  app.unmount();
});

hostile.after(removeHostileCopies);
hostile.run();
