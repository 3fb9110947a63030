import { readFileSync } from 'node:fs';
import type { Lang } from '../i18n/lang.js';
import type { RuleFileError } from '../rules/rule-error.js';
import { displayPath, pushSchemaErrors, readYaml } from '../rules/load-rules.js';
import { parseAsOf } from '../util/as-of.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { lazyValidator } from '../util/ajv.js';
import { packagePath } from '../util/package-paths.js';
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

// readYaml reports with the rule catalogue's codes; a waivers file gets its own wording.
const CODES: Readonly<Record<string, WaiverMessageCode>> = {
  'rule-unreadable': 'waivers-unreadable',
  'rule-yaml-syntax': 'waivers-yaml-syntax',
  'waivers-schema': 'waivers-schema',
  'waiver-bad-date': 'waiver-bad-date',
};

/** Reads a `--waivers` file, or its positioned errors; unknown rule IDs become notices later. */
export function loadWaivers(path: string, lang: Lang): { waivers: Waiver[]; errors: DisplayError[] } {
  const file = displayPath(path);
  const errors: RuleFileError[] = [];
  const parsed = readYaml(path, errors);
  const validateWaivers = waiversValidator();
  if (parsed && !validateWaivers(parsed.data)) pushSchemaErrors(validateWaivers.errors ?? [], file, parsed.locate, 'waivers-schema', errors);
  const waivers: Waiver[] = [];
  if (parsed && errors.length === 0) {
    const entries = (parsed.data as { waivers: WaiverEntry[] }).waivers;
    for (const [index, entry] of entries.entries()) {
      const expiresOn = parseAsOf(entry.expires_on);
      if (expiresOn === undefined) {
        errors.push({ file, ...parsed.locate(['waivers', index, 'expires_on']), code: 'waiver-bad-date', value: entry.expires_on });
        continue;
      }
      waivers.push({
        rule: entry.rule,
        ...(entry.subject === undefined ? {} : { subject: entry.subject }),
        reason: entry.reason,
        approvedBy: entry.approved_by,
        expiresOn,
        file,
        ...parsed.locate(['waivers', index]),
      });
    }
  }
  return { waivers: errors.length > 0 ? [] : waivers, errors: errors.map((error) => toDisplayError(error, lang)) };
}

function toDisplayError(error: RuleFileError, lang: Lang): DisplayError {
  const message = waiverMessage(CODES[error.code] ?? 'waivers-schema', lang, error.params ?? {});
  const shown = { file: error.file, line: error.line, column: error.column, code: CODES[error.code] ?? error.code, message };
  return error.value === undefined ? shown : { ...shown, value: error.value };
}
