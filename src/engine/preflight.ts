import type { Lang, Rule } from '../rules/rule-types.js';
import type { IgnoredColumn, Snapshot } from '../snapshot/snapshot-types.js';
import type { EvaluationContext } from '../facts/scope.js';
import { partnerKeyPresent } from '../facts/expressions.js';
import { t } from '../i18n/messages.js';
import { asOfBeyondExport } from '../util/as-of.js';
import { formatDate } from '../util/dates.js';
import { applicabilitiesOf } from '../rules/rule-definition.js';
import { conditionsHold, resolveParams } from './rules-engine.js';
import { renderTemplate } from './render-template.js';
import { ruleStatus, type RuleOutcome } from './rule-outcome.js';

/** Settles a rule that does not apply (other management mode) or lacks data; undefined when it must run. */
export async function preflight(rule: Rule, context: EvaluationContext): Promise<RuleOutcome | undefined> {
  const { lang } = context;
  for (const applicability of applicabilitiesOf(rule)) {
    const applies = await conditionsHold(resolveParams(applicability.conditions, rule.params), { ...context.sharedFacts, as_of: context.asOf });
    // The reason may name shared facts and partner keys (« la convention a pris fin le {convention_ends_on} »).
    if (!applies) return { status: ruleStatus(rule, lang, 'passed', 0, renderTemplate(applicability.otherwise[lang], { context, params: rule.params, facts: {} }, lang)), findings: [] };
  }
  const missing = [...missingData(rule, context.snapshot, lang), ...staleTraces(rule, context)];
  if (missing.length > 0) return { status: ruleStatus(rule, lang, 'not_evaluated', 0, missing.join(' ; ')), findings: [] };
  return undefined;
}

/** Spreadsheet letters of a 1-based column (1 → A, 27 → AA): where a user looks for a header cell. */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** « la colonne « Date depart » (C1) est-elle « Date de départ » ? »: the header the user may have meant for a missing column. */
function nearText(ignored: IgnoredColumn, file: string, lang: Lang): string {
  const name = ignored.near!.name;
  if (file.toLowerCase().endsWith('.csv')) return t('columnNear', lang, { header: ignored.header, place: `${columnLetters(ignored.column)}${ignored.line}`, name });
  return t('keyNear', lang, { header: ignored.header, line: ignored.line, name });
}

/** A rule judging the traces up to D, when D is beyond the export: the traces since are not known. */
function staleTraces(rule: Rule, context: EvaluationContext): string[] {
  const extractedOn = context.snapshot.partner.data.extracted_on;
  if (!rule.needs.traces_up_to_as_of || !asOfBeyondExport(context.asOf, extractedOn)) return [];
  const { lang } = context;
  return [t('tracesAfterExport', lang, { asOf: formatDate(context.asOf, lang), extractedOn: formatDate(extractedOn, lang) })];
}

/** Reasons a rule cannot be evaluated: absent tables, columns or partner keys. */
function missingData(rule: Rule, snapshot: Snapshot, lang: Lang): string[] {
  const reasons: string[] = [];
  for (const table of rule.needs.tables ?? []) {
    if (!snapshot.tables.has(table)) reasons.push(t('tableAbsent', lang, { table }));
  }
  for (const [tableName, columns] of Object.entries(rule.needs.columns ?? {})) {
    const table = snapshot.tables.get(tableName);
    // An empty table (an empty JSON array has no columns at all) leaves nothing unjudged.
    if (!table || (table.records.length === 0 && !table.scan)) continue;
    for (const column of columns) {
      const alternatives = typeof column === 'string' ? [column] : column;
      if (alternatives.some((name) => table.columns.includes(name))) continue;
      const absent =
        typeof column === 'string'
          ? t('columnAbsent', lang, { column, file: table.file })
          : t('columnsAbsent', lang, { columns: alternatives.join(' », « '), file: table.file });
      const near = (table.ignored ?? []).filter((ignored) => ignored.near !== undefined && alternatives.includes(ignored.near.column));
      reasons.push([absent, ...near.map((ignored) => nearText(ignored, table.file, lang))].join(' ; '));
    }
  }
  for (const key of rule.needs.partner ?? []) {
    if (!partnerKeyPresent(snapshot.partner.data, key)) reasons.push(t('partnerKeyAbsent', lang, { key, file: snapshot.partner.file }));
  }
  return reasons;
}
