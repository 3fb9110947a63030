import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../src/rules/rule-types.js';
import type { Report } from '../../src/report/report-types.js';
import { checkSnapshot, loadCatalogue } from '../../src/pipeline/run-check.js';
import { buildBilan } from '../../src/bilan/build-bilan.js';
import type { Bilan } from '../../src/bilan/bilan-types.js';

/** A bilan fixture folder (`2023`, `2024`, `injection`), as the working directory sees it. */
export function bilanFixture(name: string): string {
  return relative(process.cwd(), fileURLToPath(new URL(`../fixtures/bilan/${name}`, import.meta.url))) || '.';
}

const cache = new Map<string, Promise<Report>>();

/** The report of a snapshot at its own extracted_on, evaluated in-process once per language. */
export function reportOf(path: string, lang: Lang = 'fr'): Promise<Report> {
  const key = `${lang}\u0000${path}`;
  let report = cache.get(key);
  if (!report) {
    report = evaluate(path, lang);
    cache.set(key, report);
  }
  return report;
}

/** The bilan of the 2024 fixture, compared with 2023 unless `previous` is false. */
export async function fixtureBilan(lang: Lang = 'fr', previous = true): Promise<Bilan> {
  const current = await reportOf(bilanFixture('2024'), lang);
  return buildBilan(current, previous ? await reportOf(bilanFixture('2023'), lang) : undefined);
}

async function evaluate(path: string, lang: Lang): Promise<Report> {
  const catalogue = loadCatalogue({ lang });
  if (catalogue.errors.length > 0) throw new Error(`catalogue: ${JSON.stringify(catalogue.errors)}`);
  const outcome = await checkSnapshot(path, catalogue, { lang });
  if (outcome.kind !== 'report') throw new Error(`snapshot: ${JSON.stringify(outcome.errors)}`);
  return outcome.report;
}
