import type { Lang } from '../i18n/lang.js';
import { EXIT } from '../report/exit-code.js';
import { checkStreamedTables, loadSnapshot } from '../snapshot/load-snapshot.js';
import { fromInputError } from '../snapshot/display-input-error.js';
import { loadCatalogue } from '../pipeline/run-check.js';
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
  // A check reads the traces row by row; validating them means reading them once here.
  const streamed = loaded.snapshot ? (await checkStreamedTables(loaded.snapshot)).errors : [];
  const errors = [...catalogue.errors, ...[...loaded.errors, ...streamed].map((error) => fromInputError(error, root, options.lang))];
  if (errors.length > 0 || !loaded.snapshot) return invalid(errors, options.format);
  const tables = [...loaded.snapshot.tables.values()];
  if (options.format === 'json') {
    const summary = { valid: true, tables: tables.map((table) => ({ name: table.name, file: table.file, rows: table.records.length })) };
    return { stdout: `${JSON.stringify(summary, null, 2)}\n`, stderr: '', exitCode: EXIT.ok };
  }
  const lines = tables.map((table) =>
    table.scan ? `  ${table.file}: ${options.lang === 'fr' ? 'lu en flux' : 'streamed'}` : `  ${table.file}: ${table.records.length} ${options.lang === 'fr' ? 'ligne(s)' : 'row(s)'}`,
  );
  const title = options.lang === 'fr' ? `${options.snapshot} : données valides` : `${options.snapshot}: valid data`;
  // File and folder names are data: each line is shown through terminalText before the lines are joined.
  return { stdout: `${[title, `  ${loaded.snapshot.partner.file}`, ...lines].map(terminalText).join('\n')}\n`, stderr: '', exitCode: EXIT.ok };
}
