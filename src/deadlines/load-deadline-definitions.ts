import { readFileSync } from 'node:fs';
import type { Lang, RuleSource } from '../rules/rule-types.js';
import type { RuleFileError } from '../rules/rule-error.js';
import { displayPath, pushSchemaErrors, readYaml } from '../rules/load-rules.js';
import type { DisplayError } from '../diagnostics/display-error.js';
import { fromRuleFileError } from '../rules/rule-error.js';
import { detailText } from '../rules/user-file-detail.js';
import { createAjv } from '../util/ajv.js';
import { packagePath } from '../util/package-paths.js';
import { fill } from '../report/labels.js';
import { deadlineLabels } from './deadline-labels.js';

/** A deadline whose delay is a rule's parameter (`rules/_data/deadlines.yaml`). */
export interface RuleDelay {
  readonly rule: string;
  readonly param: string;
  /** The deadline exists only where its rule is evaluated and applies. */
  readonly follows_rule: boolean;
}

/** A deadline whose period is declared by the partner, with the clause it comes from. */
export interface PartnerPeriod {
  readonly partner_key: string;
  readonly source: RuleSource;
}

/** Where each kind of deadline takes its delay and its clause from. */
export interface DeadlineDefinitions {
  readonly review_due: RuleDelay;
  readonly bilan_due: RuleDelay;
  readonly convention_anniversary: PartnerPeriod;
  readonly termination_notice: RuleDelay;
  readonly escalation_due: RuleDelay;
  readonly subcontractor_start: RuleDelay;
}

/** The bundled file; rule folders added with `--rules` bring rules, not deadline kinds. */
export const DEADLINES_FILE = packagePath('rules/_data/deadlines.yaml');

const validateDefinitions = createAjv().compile(JSON.parse(readFileSync(packagePath('schemas/deadlines.schema.json'), 'utf8')));

/** Reads and checks `rules/_data/deadlines.yaml`; rule IDs are resolved later, against the run's catalogue. */
export function loadDeadlineDefinitions(lang: Lang, path: string = DEADLINES_FILE): { definitions?: DeadlineDefinitions; errors: DisplayError[] } {
  const errors: RuleFileError[] = [];
  const parsed = readYaml(path, errors);
  if (parsed && !validateDefinitions(parsed.data)) pushSchemaErrors(validateDefinitions.errors ?? [], displayPath(path), parsed.locate, 'deadlines-schema', errors);
  if (!parsed || errors.length > 0) return { errors: errors.map((error) => toDisplayError(error, lang)) };
  return { definitions: (parsed.data as { deadlines: DeadlineDefinitions }).deadlines, errors: [] };
}

function toDisplayError(error: RuleFileError, lang: Lang): DisplayError {
  if (error.code !== 'deadlines-schema') return fromRuleFileError(error, lang);
  return { file: error.file, line: error.line, column: error.column, code: error.code, message: fill(deadlineLabels(lang).schema, { detail: detailText(error.params, lang) }) };
}
