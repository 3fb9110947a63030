import type { FormatOptions } from '../format-options.js';
import type { CsvDelimiter } from './csv-cell.js';

/** What the review renderers may be told besides the list. */
export interface ReviewFormatOptions extends FormatOptions {
  /** CSV field separator; `;` (French Excel) when absent. */
  readonly delimiter?: CsvDelimiter;
}
