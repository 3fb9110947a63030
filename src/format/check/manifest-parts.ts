import type { Lang } from '../../i18n/lang.js';
import { fill } from '../../report/labels.js';
import type { InputManifestEntry } from '../../snapshot/snapshot-types.js';
import { inputsLabels } from './inputs-labels.js';

/** How one file was read, in short words: rows, skipped rows, streamed, encoding, delimiter, line ends, columns ignored. */
export interface ManifestParts {
  readonly rows?: string;
  readonly skipped?: string;
  readonly streamed?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly lineEnds?: string;
  /** The ignored headers as written, each in « ». */
  readonly ignored?: string;
}

/** A delimiter as people name it: the character in « », a tab by its name. */
export function delimiterText(delimiter: string, lang: Lang): string {
  return delimiter === '\t' ? inputsLabels(lang).tab : `« ${delimiter} »`;
}

/** The headers of a file that stand for no column vigie reads, as written. */
export function ignoredHeaders(entry: InputManifestEntry): string[] {
  return (entry.columns ?? []).filter((column) => column.column === undefined).map((column) => column.header);
}

/** The parts of an entry that apply to it (a partner file has no rows, a JSON table no delimiter). */
export function manifestParts(entry: InputManifestEntry, lang: Lang): ManifestParts {
  const words = inputsLabels(lang);
  const ignored = ignoredHeaders(entry);
  return {
    ...(entry.table !== undefined ? { rows: fill(words.rows, { n: entry.rows }) } : {}),
    ...(entry.skipped > 0 ? { skipped: fill(words.skipped, { n: entry.skipped }) } : {}),
    ...(entry.streamed ? { streamed: words.streamed } : {}),
    ...(entry.encoding ? { encoding: entry.encoding } : {}),
    ...(entry.delimiter !== undefined ? { delimiter: fill(words.delimiter, { delimiter: delimiterText(entry.delimiter, lang) }) } : {}),
    ...(entry.lineEnds ? { lineEnds: words.lineEnds[entry.lineEnds] } : {}),
    ...(ignored.length > 0 ? { ignored: fill(words.ignored, { columns: ignored.map((header) => `« ${header} »`).join(', ') }) } : {}),
  };
}

/** The parts in reading order, for a one-line summary. */
export function manifestLine(entry: InputManifestEntry, lang: Lang): string {
  const parts = manifestParts(entry, lang);
  const shown = [parts.rows, parts.skipped, parts.streamed, parts.encoding, parts.delimiter, parts.lineEnds, parts.ignored].filter((part) => part !== undefined);
  const name = manifestName(entry);
  return shown.length > 0 ? `${name} — ${shown.join(' · ')}` : name;
}

/** The file's name, with its table when the file holds several (a single-file snapshot). */
export function manifestName(entry: InputManifestEntry): string {
  return entry.table !== undefined && entry.format === 'json' && !entry.file.endsWith(`${entry.table}.json`) ? `${entry.file} (${entry.table})` : entry.file;
}
