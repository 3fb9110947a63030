import { basename, isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { Report } from '../../report/report-types.js';

/** An evidence file's path from `baseDir`, forward slashes, so that CI tools map it onto the repository. */
export function evidencePath(report: Report, file: string, baseDir?: string): string {
  const root = report.snapshot.path;
  let path = isSingleFileSnapshot(report) && basename(root) === file ? root : join(root, file);
  if (isAbsolute(path) && baseDir) {
    const inside = relative(baseDir, path);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) path = inside;
  }
  return normalize(path).split(sep).join('/');
}

/** Where a finding without evidence points: the partner declarations file, or the single JSON file. */
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
