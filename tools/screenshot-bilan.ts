import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** An A4 page at 150 dpi: the screenshot shows the bilan as a person would see it printed. */
export const A4_WINDOW = { width: 1240, height: 1754 } as const;

/** What Chromium said when it ran. */
export interface ChromiumRun {
  readonly ok: boolean;
  readonly output: string;
}

// Headless, offline and stateless: no network fetches of its own, a throwaway profile.
const QUIET_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--force-device-scale-factor=1',
];

/** True when the browser the proofs need is installed (CI machines may not have it). */
export function chromiumAvailable(binary: string = CHROMIUM): boolean {
  return existsSync(binary);
}

/** Renders an HTML file to a PNG of an A4-sized window (1240 × 1754 px). */
export function screenshotHtml(htmlFile: string, pngFile: string, binary: string = CHROMIUM): ChromiumRun {
  return runChromium(binary, [`--screenshot=${resolve(pngFile)}`, `--window-size=${A4_WINDOW.width},${A4_WINDOW.height}`], htmlFile, pngFile);
}

/** Prints an HTML file to PDF with its own `@page` rules and without the browser's header and footer. */
export function printHtmlToPdf(htmlFile: string, pdfFile: string, binary: string = CHROMIUM): ChromiumRun {
  return runChromium(binary, [`--print-to-pdf=${resolve(pdfFile)}`, '--no-pdf-header-footer'], htmlFile, pdfFile);
}

function runChromium(binary: string, flags: readonly string[], htmlFile: string, outputFile: string): ChromiumRun {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
  try {
    rmSync(outputFile, { force: true });
    const url = pathToFileURL(resolve(htmlFile)).href;
    const result = spawnSync(binary, [...QUIET_FLAGS, `--user-data-dir=${profile}`, ...flags, url], { encoding: 'utf8', timeout: 120_000 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
    return { ok: result.status === 0 && existsSync(outputFile), output };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * `node --import tsx tools/screenshot-bilan.ts BILAN.html OUT.png [OUT.pdf]`: the visual proof that a
 * bilan looks like a report a person would sign (a developer's tool, not a vigie command).
 */
function main(argv: readonly string[]): number {
  const [html, png, pdf] = argv;
  if (!html || !png) {
    process.stderr.write('usage: screenshot-bilan BILAN.html OUT.png [OUT.pdf]\n');
    return 2;
  }
  if (!chromiumAvailable()) {
    process.stderr.write(`${CHROMIUM} is absent: apt-get install -y chromium\n`);
    return 2;
  }
  for (const [run, file] of [[screenshotHtml(html, png), png], ...(pdf ? [[printHtmlToPdf(html, pdf), pdf] as const] : [])] as const) {
    if (!run.ok) {
      process.stderr.write(`chromium failed to write ${file}:\n${run.output}\n`);
      return 1;
    }
    process.stdout.write(`${file}\n`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) process.exitCode = main(process.argv.slice(2));
