import type { DisplayError } from '../../diagnostics/display-error.js';
import type { Report } from '../../report/report-types.js';
import type { InputManifestEntry } from '../../snapshot/snapshot-types.js';
import type { FormatOptions } from '../format-options.js';
import { errorFile, errorText } from './error-place.js';
import { evidencePath } from './evidence-path.js';
import { jsonInput } from './format-json.js';
import { toUri } from './sarif-uri.js';

type Json = Record<string, unknown>;

/** SARIF names charsets as IANA does: a BOM is told in the properties, not in the name. */
const CHARSETS: Readonly<Record<string, string>> = { 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', 'windows-1252': 'windows-1252', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };

/**
 * `runs[].artifacts`: every file read, once each, its charset as `encoding` and the manifest
 * (rows, rows skipped, delimiter, line ends, columns) as properties; a file holding several
 * tables (a single-file snapshot) lists each under `properties.tables`.
 */
export function sarifArtifacts(report: Report, options: FormatOptions): Json[] {
  const byFile = new Map<string, InputManifestEntry[]>();
  for (const entry of report.inputs?.files ?? []) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  return [...byFile].map(([file, entries]) => {
    const encoding = entries.find((entry) => entry.encoding !== undefined)?.encoding;
    const charset = encoding === undefined ? undefined : (CHARSETS[encoding] ?? encoding);
    const described = entries.map((entry) => {
      const { file: _file, ...rest } = jsonInput(entry);
      return rest;
    });
    return {
      location: { uri: toUri(evidencePath(report, file, options.baseDir)) },
      ...(charset === undefined ? {} : { encoding: charset }),
      properties: described.length === 1 ? described[0] : { tables: described },
    };
  });
}

/**
 * Reading warnings as tool notifications, not results: they are about how vigie read the
 * files, not breaches of a rule, and a result would open a code-scanning alert of no rule.
 */
export function warningNotifications(warnings: readonly DisplayError[], options: FormatOptions): Json[] {
  return warnings.map((warning) => {
    const region = warning.line > 0 ? { startLine: warning.line, ...(warning.column > 0 ? { startColumn: warning.column } : {}) } : undefined;
    return {
      level: 'warning',
      message: { text: errorText(warning) },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(errorFile(warning, options.baseDir)) }, ...(region ? { region } : {}) } }],
      properties: { code: warning.code, ...(warning.value === undefined ? {} : { value: warning.value }) },
    };
  });
}
