import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { CheckApp } from '/work/main/src/tui/check-app.js';
import { REPORT } from '/work/main/test/tui/report-fixture.js';
const tick = (ms = Number(process.env.TICK ?? 30)) => new Promise((r) => setTimeout(r, ms));
const app = render(createElement(CheckApp, { lang: 'fr', load: async () => REPORT, exitCodeOf: () => 1, color: false, onQuit: (c: number) => console.log('QUIT', c) }));
Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
Object.defineProperty(app.stdout, 'rows', { value: Number(process.env.ROWS ?? 24), configurable: true });
app.stdout.emit('resize');
await tick();
console.log(app.lastFrame());
for (const k of process.argv.slice(2)) { app.stdin.write(k.replace('DOWN', '\u001B[B').replace('ENTER', '\r').replace('ESC', '\u001B')); await tick(); console.log('---- after', JSON.stringify(k)); console.log(app.lastFrame()); }
app.unmount();
