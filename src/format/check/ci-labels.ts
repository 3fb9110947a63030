import type { Lang } from '../../i18n/lang.js';

/** Words of the CI-oriented parts of the reports: waivers, baseline, SARIF, JUnit and Markdown. */
const CI_LABELS = {
  fr: {
    notices: 'Dérogations à revoir',
    resolved: 'Résolus depuis la référence',
    resolvedCase: 'résolu',
    baseline: { new: 'nouveau', existing: 'existant' },
    baselineSummary: 'Référence : {new} nouveau(x), {existing} existant(s), {resolved} résolu(s)',
    waiver: 'dérogation accordée par {by} jusqu’au {until} : {reason}',
    rulesWaived: '{n} règle(s) entièrement sous dérogation',
    clauses: 'Clauses citées',
    findings: 'Constats',
    columns: {
      severity: 'Gravité', rule: 'Règle', clause: 'Clause', subject: 'Sujet', finding: 'Constat', evidence: 'Preuves', baseline: 'Référence',
      errors: 'Erreurs', warnings: 'Avertissements', infos: 'Informations', waived: 'Dérogations',
      rulesFailed: 'Règles en échec', rulesPassed: 'Règles respectées', rulesNotEvaluated: 'Non évaluées',
    },
    notEvaluatedCase: 'non évaluée : {reason}',
    skippedRow: 'ligne ignorée (--lenient)',
    noticeRules: {
      'waiver-expired': { short: 'Dérogation expirée', full: 'Une dérogation a dépassé sa date d’expiration : le constat qu’elle couvrait compte de nouveau.' },
      'waiver-unmatched': { short: 'Dérogation sans objet', full: 'Une dérogation ne correspond à aucun constat : le manquement a pu être corrigé.' },
      'waiver-unknown-rule': { short: 'Dérogation d’une règle inconnue', full: 'Une dérogation porte sur une règle absente ou désactivée : elle ne couvre rien.' },
      'waiver-beyond-horizon': { short: 'Dérogation trop longue', full: 'Une dérogation expire au-delà de l’horizon admis après la date d’arrêté : elle s’applique, mais sa durée est à revoir.' },
      'waiver-broad': { short: 'Dérogation sans sujet', full: 'Une dérogation sans sujet couvre plusieurs constats : chacun devrait être nommé.' },
    },
  },
  en: {
    notices: 'Waivers to review',
    resolved: 'Resolved since the baseline',
    resolvedCase: 'resolved',
    baseline: { new: 'new', existing: 'existing' },
    baselineSummary: 'Baseline: {new} new, {existing} existing, {resolved} resolved',
    waiver: 'waived by {by} until {until}: {reason}',
    rulesWaived: '{n} rule(s) fully waived',
    clauses: 'Clauses cited',
    findings: 'Findings',
    columns: {
      severity: 'Severity', rule: 'Rule', clause: 'Clause', subject: 'Subject', finding: 'Finding', evidence: 'Evidence', baseline: 'Baseline',
      errors: 'Errors', warnings: 'Warnings', infos: 'Info', waived: 'Waived',
      rulesFailed: 'Rules failed', rulesPassed: 'Rules passed', rulesNotEvaluated: 'Not evaluated',
    },
    notEvaluatedCase: 'not evaluated: {reason}',
    skippedRow: 'row skipped (--lenient)',
    noticeRules: {
      'waiver-expired': { short: 'Expired waiver', full: 'A waiver is past its expiry date: the finding it covered counts again.' },
      'waiver-unmatched': { short: 'Unused waiver', full: 'A waiver matches no finding: the breach may have been fixed.' },
      'waiver-unknown-rule': { short: 'Waiver of an unknown rule', full: 'A waiver names a rule that is absent or disabled: it covers nothing.' },
      'waiver-beyond-horizon': { short: 'Waiver too long', full: 'A waiver expires beyond the accepted horizon after the as-of date: it applies, but its term should be reviewed.' },
      'waiver-broad': { short: 'Waiver without a subject', full: 'A waiver without a subject covers several findings: each should be named.' },
    },
  },
};

/** The CI report words of one language. */
export type CiLabels = (typeof CI_LABELS)['fr'];

/** The CI report words of a language. */
export function ciLabels(lang: Lang): CiLabels {
  return CI_LABELS[lang];
}
