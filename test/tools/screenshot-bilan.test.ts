import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatBilanHtml } from '../../src/format/bilan/format-bilan-html.js';
import { A4_WINDOW, CHROMIUM, chromiumAvailable, printHtmlToPdf, screenshotHtml } from '../../tools/screenshot-bilan.js';
import { fixtureBilan } from '../bilan/bilan-fixtures.js';

const browser = suite('bilan: rendered by headless Chromium');

let dir = '';
browser.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-bilan-'));
});
browser.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeBilan(): Promise<string> {
  const file = join(dir, 'bilan.html');
  writeFileSync(file, formatBilanHtml(await fixtureBilan(), { lang: 'fr' }));
  return file;
}

if (!chromiumAvailable()) {
  // CI machines may lack a browser; the rendering tests above do not need one.
  console.log(`  (skipped: ${CHROMIUM} is absent — apt-get install -y chromium to run the visual checks)`);
  browser.skip('screenshot of an A4 window', () => undefined);
  browser.skip('prints on A4 pages', () => undefined);
} else {
  browser('screenshot of an A4 window', async () => {
    const png = join(dir, 'bilan.png');
    const run = screenshotHtml(await writeBilan(), png);
    assert.ok(run.ok, run.output);
    const bytes = readFileSync(png);
    assert.equal([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, right after the chunk's length and type.
    assert.is(bytes.readUInt32BE(16), A4_WINDOW.width);
    assert.is(bytes.readUInt32BE(20), A4_WINDOW.height);
    // A blank or error page compresses to a few kilobytes; the bilan's text, chart and tables do not.
    assert.ok(bytes.length > 60_000, `${bytes.length} bytes`);
  });

  browser('prints on A4 pages', async () => {
    const pdf = join(dir, 'bilan.pdf');
    const run = printHtmlToPdf(await writeBilan(), pdf);
    assert.ok(run.ok, run.output);
    const text = readFileSync(pdf).toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((match) => [Number(match[1]), Number(match[2])]);
    assert.ok(boxes.length > 1, `${boxes.length} page(s)`);
    // A4 is 595.28 × 841.89 points; Chromium rounds to its own pixel grid.
    for (const [width, height] of boxes) assert.ok(Math.abs(width - 595.3) < 1.5 && Math.abs(height - 841.9) < 1.5, `${width} × ${height}`);
  });
}

browser.run();
