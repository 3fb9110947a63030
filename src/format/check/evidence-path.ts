import { basename, isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { Report } from '../../report/report-types.js';

/**
 * The path of an evidence file as seen from the working directory (`baseDir`):
 * `samples/ca2c-2023/users.csv`. Evidence names files relative to the snapshot root, or the
 * single JSON file of a single-file snapshot; absolute snapshot paths inside `baseDir` are
 * made relative so that CI tools can map them onto the repository. Forward slashes always.
 */
export function evidencePath(report: Report, file: string, baseDir?: string): string {
  const root = report.snapshot.path;
  let path = isSingleFileSnapshot(report) && basename(root) === file ? root : join(root, file);
  if (isAbsolute(path) && baseDir) {
    const inside = relative(baseDir, path);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) path = inside;
  }
  return normalize(path).split(sep).join('/');
}

/**
 * Where a finding with no evidence points: the partner declarations file (its name as other
 * evidence gives it, `partner.yaml` by default), or the single JSON file of the snapshot.
 */
export function partnerFile(report: Report): string {
  if (isSingleFileSnapshot(report)) return basename(report.snapshot.path);
  for (const finding of report.findings) {
    for (const item of finding.evidence) if (/^partner\.(ya?ml|json)$/.test(item.file)) return item.file;
  }
  return 'partner.yaml';
}

function isSingleFileSnapshot(report: Report): boolean {
  return /\.json$/i.test(report.snapshot.path);
}
