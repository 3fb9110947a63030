import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../src/rules/rule-types.js';
import type { Report } from '../../src/report/report-types.js';
import { checkSnapshot, loadCatalogue } from '../../src/pipeline/run-check.js';

/** The CA2C sample folder, as the working directory sees it (`samples/ca2c-2023` from the package root). */
export const CA2C = relative(process.cwd(), fileURLToPath(new URL('../../samples/ca2c-2023', import.meta.url))) || '.';

const cache = new Map<string, Promise<Report>>();

/** The report `vigie check samples/ca2c-2023` produces, evaluated in-process once per language. */
export function ca2cReport(lang: Lang = 'fr', path: string = CA2C): Promise<Report> {
  const key = `${lang}\u0000${path}`;
  let report = cache.get(key);
  if (!report) {
    report = evaluateSample(path, lang);
    cache.set(key, report);
  }
  return report;
}

async function evaluateSample(path: string, lang: Lang): Promise<Report> {
  const catalogue = loadCatalogue({ lang });
  if (catalogue.errors.length > 0) throw new Error(`catalogue: ${JSON.stringify(catalogue.errors)}`);
  const outcome = await checkSnapshot(path, catalogue, { lang });
  if (outcome.kind !== 'report') throw new Error(`snapshot: ${JSON.stringify(outcome.errors)}`);
  return outcome.report;
}
