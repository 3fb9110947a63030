import type { Finding, Report, RuleStatus, SkippedRowReport } from '../../report/report-types.js';
import { isInvalidSnapshot, type InvalidSnapshot, type PortfolioEntry, type SkippedPath } from '../../report/portfolio-types.js';
import { errorsDocument, sortErrors } from '../../diagnostics/display-error.js';
import { VERSION } from '../../util/version.js';
import type { InputManifestEntry } from '../../snapshot/snapshot-types.js';

/** The JSON report, keys in a fixed order so that output is byte-stable. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
}

/** A portfolio as `{"partners": [...]}` in risk order; an unreadable snapshot is `{tool, snapshot, errors}`; the paths left out as `skipped`. */
export function formatJsonPortfolio(entries: readonly PortfolioEntry[], skipped: readonly SkippedPath[] = []): string {
  const partners = entries.map((entry) => (isInvalidSnapshot(entry) ? jsonInvalid(entry) : jsonReport(entry)));
  return `${JSON.stringify({ partners, ...(skipped.length > 0 ? { skipped } : {}) }, null, 2)}\n`;
}

function jsonInvalid(entry: InvalidSnapshot): Record<string, unknown> {
  return { tool: { name: 'vigie', version: VERSION }, snapshot: { path: entry.snapshot.path }, ...errorsDocument(sortErrors(entry.errors)) };
}

/** The plain object behind `--format json` (also the element of a portfolio's `partners`, each exactly its single-snapshot report). */
export function jsonReport(report: Report): Record<string, unknown> {
  return {
    tool: report.tool,
    asOf: report.asOf,
    snapshot: report.snapshot,
    summary: report.summary,
    findings: report.findings.map(jsonFinding),
    rules: report.rules.map(jsonRule),
    ...(report.skipped && report.skipped.length > 0 ? skippedJson(report.skipped) : {}),
    ...(report.inputs ? { inputs: { files: report.inputs.files.map(jsonInput), warnings: report.inputs.warnings } } : {}),
    // Present whenever --waivers / --baseline was given, even empty, so that "none" is explicit.
    ...(report.notices ? { notices: report.notices } : {}),
    ...(report.resolved ? { resolved: report.resolved } : {}),
  };
}

/** A manifest entry, keys in a fixed order whatever order the readers recorded them in. */
export function jsonInput(entry: InputManifestEntry): Record<string, unknown> {
  const { file, table, format, encoding, delimiter, lineEnds, streamed, rows, skipped, columns } = entry;
  return {
    file,
    ...(table === undefined ? {} : { table }),
    format,
    ...(encoding === undefined ? {} : { encoding }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(lineEnds === undefined ? {} : { lineEnds }),
    streamed,
    rows,
    skipped,
    ...(columns === undefined ? {} : { columns: columns.map((column) => ({ header: column.header, position: column.position, ...(column.column === undefined ? {} : { column: column.column }) })) }),
  };
}

function jsonFinding(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: finding.category,
    title: finding.title,
    message: finding.message,
    source: finding.source,
    subject: finding.subject,
    evidence: finding.evidence,
    ...(finding.evidenceTotal !== undefined ? { evidenceTotal: finding.evidenceTotal } : {}),
    remediation: finding.remediation,
    fingerprint: finding.fingerprint,
    waived: finding.waived,
    ...(finding.waiver ? { waiver: finding.waiver } : {}),
    ...(finding.baseline ? { baseline: finding.baseline } : {}),
  };
}

function jsonRule(rule: RuleStatus): Record<string, unknown> {
  return {
    id: rule.id,
    status: rule.status,
    ...(rule.reason ? { reason: rule.reason } : {}),
    severity: rule.severity,
    category: rule.category,
    title: rule.title,
    obligation: rule.obligation,
    source: rule.source,
    findings: rule.findings,
  };
}

/** `skipped`: the rows listed; past a file's cap, `skippedTruncated` counts the rows not listed, by file. */
function skippedJson(rows: readonly SkippedRowReport[]): Record<string, unknown> {
  const listed = rows.filter((row) => row.count === undefined);
  if (listed.length === rows.length) return { skipped: rows };
  const truncated: Record<string, number> = {};
  for (const row of rows) if (row.count !== undefined) truncated[row.file] = (truncated[row.file] ?? 0) + row.count;
  return { skipped: listed, skippedTruncated: truncated };
}
