import type { FormatOptions } from '../format-options.js';
import type { Bilan } from '../../bilan/bilan-types.js';
import { formatBilanHtml } from './format-bilan-html.js';
import { formatBilanMarkdown } from './format-bilan-markdown.js';

/** A renderer of the bilan: a pure function of it. */
export type BilanFormatter = (bilan: Bilan, options: FormatOptions) => string;

/** The `vigie bilan --format` names and their renderers; the first is the default. */
export const BILAN_FORMATS: Readonly<Record<string, BilanFormatter>> = {
  markdown: formatBilanMarkdown,
  html: formatBilanHtml,
};
