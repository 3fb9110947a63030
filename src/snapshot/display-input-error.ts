import { isAbsolute, join } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { withValue, type DisplayError } from '../diagnostics/display-error.js';
import type { InputError } from './snapshot-types.js';
import { formatInputError } from './input-error-messages.js';
import { countOf, isOmission } from './error-cap.js';

/** A snapshot input error, its file shown from the working directory (`samples/x/users.csv`). */
export function fromInputError(error: InputError, snapshotRoot: string | undefined, lang: Lang): DisplayError {
  const file = snapshotRoot && !isAbsolute(error.file) && error.file !== snapshotRoot ? join(snapshotRoot, error.file) : error.file;
  const shown = withValue({ file, line: error.line, column: error.column, code: error.code, message: formatInputError({ ...error, file }, lang) }, error.value);
  return isOmission(error) ? { ...shown, count: countOf(error) } : shown;
}
