import type { Lang } from '../i18n/lang.js';

/** What every renderer may be told besides its document. */
export interface FormatOptions {
  readonly lang: Lang;
  /** ANSI colours (text only, on an interactive terminal without NO_COLOR). */
  readonly color?: boolean;
  /** The working directory, to show evidence files relative to it (SARIF URIs, JUnit, Markdown). */
  readonly baseDir?: string;
}
