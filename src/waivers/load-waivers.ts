import { readFileSync } from 'node:fs';
import type { Lang } from '../i18n/lang.js';
import type { RuleFileError } from '../rules/rule-error.js';
import { displayPath, pushSchemaErrors, readYaml } from '../rules/read-yaml-file.js';
import { detailText } from '../rules/user-file-detail.js';
import { parseAsOf } from '../util/as-of.js';
import { sortErrors, withValue, type DisplayError } from '../diagnostics/display-error.js';
import { lazyValidator } from '../util/ajv.js';
import { packagePath } from '../util/package-paths.js';
import { FILE_LIMITS } from '../util/read-bounded-text.js';
import type { Waiver } from './waiver.js';
import { waiverMessage, type WaiverMessageCode } from './waiver-messages.js';

interface WaiverEntry {
  readonly rule: string;
  readonly subject?: string;
  readonly reason: string;
  readonly approved_by: string;
  readonly expires_on: string;
}

const waiversValidator = lazyValidator(() => JSON.parse(readFileSync(packagePath('schemas/waivers.schema.json'), 'utf8')) as object);

/** A date written the way the schema accepts: only those are checked for being a real day (the schema words the others). */
const DATE_SHAPE = /^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}\/[0-9]{2}\/[0-9]{4})$/;

// readYaml reports with the rule catalogue's codes; a waivers file gets its own wording.
const CODES: Readonly<Record<string, WaiverMessageCode>> = {
  'rule-unreadable': 'waivers-unreadable',
  'rule-yaml-syntax': 'waivers-yaml-syntax',
  'waivers-schema': 'waivers-schema',
  'waiver-bad-date': 'waiver-bad-date',
};

/** Reads a `--waivers` file (at most 1 MiB), or all its positioned errors at once; unknown rule IDs become notices later. */
export function loadWaivers(path: string, lang: Lang): { waivers: Waiver[]; errors: DisplayError[] } {
  const file = displayPath(path);
  const errors: RuleFileError[] = [];
  const parsed = readYaml(path, errors, FILE_LIMITS.settings);
  const waivers: Waiver[] = [];
  if (parsed) {
    const validateWaivers = waiversValidator();
    if (!validateWaivers(parsed.data)) pushSchemaErrors(validateWaivers.errors ?? [], file, parsed.locate, 'waivers-schema', errors, parsed.data);
    const list = (parsed.data as { waivers?: unknown } | null)?.waivers;
    const entries = Array.isArray(list) ? list : [];
    for (const [index, entry] of entries.entries()) {
      if (entry === null || typeof entry !== 'object') continue;
      const { expires_on: written } = entry as Partial<WaiverEntry>;
      const expiresOn = typeof written === 'string' && DATE_SHAPE.test(written) ? parseAsOf(written) : undefined;
      if (typeof written === 'string' && DATE_SHAPE.test(written) && expiresOn === undefined) {
        errors.push({ file, ...parsed.locate(['waivers', index, 'expires_on']), code: 'waiver-bad-date', value: written });
      }
      if (expiresOn === undefined) continue;
      const valid = entry as WaiverEntry;
      waivers.push({
        rule: valid.rule,
        ...(valid.subject === undefined ? {} : { subject: valid.subject }),
        reason: valid.reason,
        approvedBy: valid.approved_by,
        expiresOn,
        file,
        ...parsed.locate(['waivers', index]),
      });
    }
  }
  if (errors.length > 0) return { waivers: [], errors: sortErrors(errors.map((error) => toDisplayError(error, lang))) };
  return { waivers, errors: [] };
}

function toDisplayError(error: RuleFileError, lang: Lang): DisplayError {
  const code = CODES[error.code] ?? 'waivers-schema';
  const message = waiverMessage(code, lang, { detail: detailText(error.params, lang) });
  return withValue({ file: error.file, line: error.line, column: error.column, code, message }, error.value);
}
