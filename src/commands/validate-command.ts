import type { Lang } from '../i18n/lang.js';
import { EXIT } from '../report/exit-code.js';
import { checkStreamedTables, loadSnapshot } from '../snapshot/load-snapshot.js';
import { fromInputError } from '../snapshot/display-input-error.js';
import { completeManifest } from '../snapshot/table-read.js';
import type { InputManifestEntry } from '../snapshot/snapshot-types.js';
import { loadCatalogue } from '../pipeline/run-check.js';
import { jsonInput } from '../format/check/format-json.js';
import { warningLines } from '../format/check/format-errors-text.js';
import { manifestLine } from '../format/check/manifest-parts.js';
import { statSync } from 'node:fs';
import type { CommandResult } from './command-result.js';
import { invalid } from './command-result.js';
import { terminalText } from '../util/terminal-text.js';

/** The command line of `vigie validate`, parsed. */
export interface ValidateOptions {
  readonly snapshot: string;
  readonly lang: Lang;
  readonly format: string;
  readonly rulesDirs?: readonly string[];
  readonly config?: string;
  /** `--strict`: input warnings are errors. */
  readonly strict?: boolean;
}

/** `vigie validate`: input checks only (snapshot, rules, configuration); no evaluation. */
export async function validateCommand(options: ValidateOptions): Promise<CommandResult> {
  const catalogue = loadCatalogue(options);
  const loaded = await loadSnapshot(options.snapshot, { strict: options.strict });
  const root = statSync(options.snapshot, { throwIfNoEntry: false })?.isDirectory() ? options.snapshot : undefined;
  // A check reads the traces row by row; validating them means reading (and counting) them once here.
  const streamed = loaded.snapshot ? await checkStreamedTables(loaded.snapshot) : undefined;
  const errors = [...catalogue.errors, ...[...loaded.errors, ...(streamed?.errors ?? [])].map((error) => fromInputError(error, root, options.lang))];
  const warnings = loaded.warnings.map((warning) => fromInputError(warning, root, options.lang));
  if (errors.length > 0 || !loaded.snapshot) {
    const result = invalid(errors, options.format);
    return { ...result, stderr: `${result.stderr}${warningLines(warnings, options.lang)}` };
  }
  const files = completeManifest(loaded.inputs, streamed?.reads ?? {});
  const tables = [...loaded.snapshot.tables.values()];
  const entryOf = (file: string, table?: string) => files.find((entry) => entry.file === file && entry.table === table);
  if (options.format === 'json') {
    const summary = {
      valid: true,
      tables: tables.map((table) => ({ name: table.name, file: table.file, rows: entryOf(table.file, table.name)?.rows ?? table.records.length })),
      inputs: { files: files.map(jsonInput), warnings },
    };
    return { stdout: `${JSON.stringify(summary, null, 2)}\n`, stderr: '', exitCode: EXIT.ok };
  }
  // The partner file first, then the tables in the documents' order; every file read in full, streamed or not.
  const shown = [entryOf(loaded.snapshot.partner.file), ...tables.map((table) => entryOf(table.file, table.name))].filter((entry) => entry !== undefined);
  const lines = shown.map((entry) => `  ${manifestLine(validated(entry), options.lang)}`);
  const title = options.lang === 'fr' ? `${options.snapshot} : données valides` : `${options.snapshot}: valid data`;
  // File and folder names are data: each line is shown through terminalText before the lines are joined.
  return { stdout: `${[title, ...lines].map(terminalText).join('\n')}\n`, stderr: warningLines(warnings, options.lang), exitCode: EXIT.ok };
}

/** `validate` reads every table to its end: how it is read during a check (streamed) is no concern here. */
function validated(entry: InputManifestEntry): InputManifestEntry {
  return { ...entry, streamed: false };
}
