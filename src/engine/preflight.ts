import type { Lang, Rule } from '../rules/rule-types.js';
import type { Snapshot } from '../snapshot/snapshot-types.js';
import type { EvaluationContext } from '../facts/scope.js';
import { partnerKeyPresent } from '../facts/expressions.js';
import { t } from '../i18n/messages.js';
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
  const missing = missingData(rule, context.snapshot, lang);
  if (missing.length > 0) return { status: ruleStatus(rule, lang, 'not_evaluated', 0, missing.join(' ; ')), findings: [] };
  return undefined;
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
      reasons.push(
        typeof column === 'string'
          ? t('columnAbsent', lang, { column, file: table.file })
          : t('columnsAbsent', lang, { columns: alternatives.join(' », « '), file: table.file }),
      );
    }
  }
  for (const key of rule.needs.partner ?? []) {
    if (!partnerKeyPresent(snapshot.partner.data, key)) reasons.push(t('partnerKeyAbsent', lang, { key, file: snapshot.partner.file }));
  }
  return reasons;
}
