import type { Lang } from '../i18n/lang.js';
import type { RuleFileError } from '../rules/rule-error.js';
import { displayPath, pushSchemaErrors, readText } from '../rules/read-yaml-file.js';
import { detailText } from '../rules/user-file-detail.js';
import { FILE_LIMITS } from '../util/read-bounded-text.js';
import { parseYamlSource } from '../util/yaml-source.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import type { ResolvedFinding } from '../report/report-types.js';
import { lazyValidator } from '../util/ajv.js';
import { baselineMessage, type BaselineMessageCode } from './baseline-messages.js';

/** One partner's report of a previous `--format json` run: what a new run is compared with. */
export interface BaselineReport {
  readonly snapshot?: { readonly path?: string; readonly siret?: string };
  readonly findings: readonly ResolvedFinding[];
  /** Where the report is in the file (`[]`, or `['partners', 3]`), to locate an error about it. */
  readonly at?: readonly (string | number)[];
}

// Only what the comparison reads is required, so that outputs of older versions still serve.
const baselineFinding = {
  type: 'object',
  required: ['ruleId', 'fingerprint'],
  properties: {
    ruleId: { type: 'string' },
    fingerprint: { type: 'string', minLength: 1 },
    // The rest is shown as resolved in every format: checked so that renderers can trust it.
    severity: { enum: ['error', 'warning', 'info'] },
    title: { type: 'string' },
    message: { type: 'string' },
    source: {
      type: 'object',
      required: ['document', 'article', 'quote'],
      properties: { document: { type: 'string' }, article: { type: 'string' }, quote: { type: 'string' } },
    },
    subject: {
      type: 'object',
      required: ['type', 'id'],
      properties: {
        type: { type: 'string' },
        id: { type: 'string' },
        label: { type: 'object', required: ['fr', 'en'], properties: { fr: { type: 'string' }, en: { type: 'string' } } },
      },
    },
    evidence: {
      type: 'array',
      items: { type: 'object', required: ['file', 'line'], properties: { file: { type: 'string' }, line: { type: 'integer' } } },
    },
  },
};
const baselineReport = {
  type: 'object',
  required: ['findings'],
  properties: {
    snapshot: { type: 'object', properties: { path: { type: 'string' }, siret: { type: 'string' } } },
    findings: { type: 'array', items: baselineFinding },
  },
};
const baselineValidator = lazyValidator(() => ({
  type: 'object',
  // if/then/else rather than anyOf: the errors then speak of the one shape the file tried to have.
  if: { required: ['partners'] },
  // A snapshot the previous run could not read is `{snapshot, errors}`: it has no findings to compare.
  then: { properties: { partners: { type: 'array', items: { if: { required: ['errors'], not: { required: ['findings'] } }, then: { type: 'object' }, else: baselineReport } } } },
  else: baselineReport,
}));

/** Reads a previous `--format json` output (at most 64 MiB), or its errors; the slower YAML parser only locates errors. */
export function loadBaseline(path: string, lang: Lang): { reports: BaselineReport[]; errors: DisplayError[] } {
  const file = displayPath(path);
  const fail = (errors: readonly RuleFileError[]) => ({ reports: [], errors: errors.map((error) => toDisplayError(error, lang)) });
  const unreadable: RuleFileError[] = [];
  const text = readText(path, unreadable, FILE_LIMITS.baseline, 'baseline-unreadable');
  if (text === undefined) return fail(unreadable);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const syntax = parseYamlSource(text).syntaxErrors;
    if (syntax.length > 0) return fail(syntax.map((place) => ({ file, line: place.line, column: place.column, code: 'baseline-syntax', params: { reason: place.code } })));
    // Text that is valid YAML but not JSON (a comment, a trailing comma): JSON.parse's offset, when it gives one.
    const place = positionAt(text, Number(/at position (\d+)/.exec((error as Error).message)?.[1] ?? 0));
    return fail([{ file, ...place, code: 'baseline-syntax', params: { reason: 'NOT_JSON' } }]);
  }
  const validateBaseline = baselineValidator();
  if (!validateBaseline(data)) {
    const errors: RuleFileError[] = [];
    pushSchemaErrors(validateBaseline.errors ?? [], file, parseYamlSource(text).locate, 'baseline-schema', errors, data);
    return fail(errors);
  }
  const reports = Object.hasOwn(data as object, 'partners')
    ? (data as { partners: BaselineReport[] }).partners
        .map((previous, index) => ({ ...previous, at: ['partners', index] }))
        .filter((previous) => Object.hasOwn(previous, 'findings'))
    : [{ ...(data as BaselineReport), at: [] }];
  return { reports, errors: [] };
}

/** 1-based line and column of a character offset. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function toDisplayError(error: RuleFileError, lang: Lang): DisplayError {
  const code = error.code as BaselineMessageCode;
  const shown = { file: error.file, line: error.line, column: error.column, code, message: baselineMessage(code, lang, { detail: detailText(error.params, lang) }) };
  return error.value === undefined ? shown : { ...shown, value: error.value };
}
