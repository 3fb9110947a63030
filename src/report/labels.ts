import type { Lang, Severity } from '../rules/rule-types.js';
import type { FindingSubject } from './report-types.js';

/** Words of the reports: severities, subject kinds, section titles. */
const LABELS = {
  fr: {
    severity: { error: 'erreur', warning: 'avertissement', info: 'information' },
    subject: {
      site: "lieu d'implantation", facility: 'équipement', user: 'utilisateur', grant: 'habilitation', partner: 'partenaire',
      contact: 'interlocuteur', service: 'service', scope: 'périmètre', review: 'revue', incident: 'incident', meeting: 'réunion',
      notice: 'courrier', subcontractor: 'prestataire', table: 'table',
    } as Record<string, string>,
    document: { CONV: 'Convention', CS: 'Contrat de services', AFAS: "Bulletin d'adhésion AFAS" } as Record<string, string>,
    article: 'art.',
    evidence: 'preuves',
    remediation: 'à faire',
    more: '… et {count} autre(s)',
    recommendations: 'Recommandations (hors obligations contractuelles)',
    notEvaluated: 'Règles non évaluées',
    notApplicable: 'Règles sans objet',
    noFinding: 'Aucun manquement constaté.',
    asOf: 'évaluation au',
    mode: { delegated: 'mode délégué', centralised: 'mode centralisé' } as Record<string, string>,
    summary: 'Résumé',
    count: { error: '{n} erreur(s)', warning: '{n} avertissement(s)', info: '{n} information(s)', waived: '{n} dérogation(s)' },
    rules: 'règles : {failed} en échec, {passed} respectée(s), {notEvaluated} non évaluée(s)',
    skipped: '{n} ligne(s) ignorée(s) (--lenient)',
    skippedTitle: 'Lignes ignorées (--lenient)',
    waived: 'dérogation',
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' },
    subject: {
      site: 'site', facility: 'facility', user: 'user', grant: 'grant', partner: 'partner', contact: 'contact', service: 'service',
      scope: 'scope', review: 'review', incident: 'incident', meeting: 'meeting', notice: 'notice', subcontractor: 'subcontractor',
      table: 'table',
    } as Record<string, string>,
    document: { CONV: 'Convention', CS: 'Service contract', AFAS: 'AFAS subscription' } as Record<string, string>,
    article: 'art.',
    evidence: 'evidence',
    remediation: 'to do',
    more: '… and {count} more',
    recommendations: 'Recommendations (not contractual)',
    notEvaluated: 'Rules not evaluated',
    notApplicable: 'Rules not applicable',
    noFinding: 'No breach found.',
    asOf: 'as of',
    mode: { delegated: 'delegated mode', centralised: 'centralised mode' } as Record<string, string>,
    summary: 'Summary',
    count: { error: '{n} error(s)', warning: '{n} warning(s)', info: '{n} info', waived: '{n} waived' },
    rules: 'rules: {failed} failed, {passed} passed, {notEvaluated} not evaluated',
    skipped: '{n} row(s) skipped (--lenient)',
    skippedTitle: 'Rows skipped (--lenient)',
    waived: 'waived',
  },
};

/** The report words of one language. */
export type Labels = (typeof LABELS)['fr'];

/** The report words of a language. */
export function labels(lang: Lang): Labels {
  return LABELS[lang];
}

/** A subject's id as the reports word it: its label in `lang` (`administrateur chuygen@…`), else the id itself. */
export function subjectWords(subject: FindingSubject, lang: Lang): string {
  return subject.label?.[lang] ?? subject.id;
}

/** A subject as the reports show it, its kind first: `interlocuteur administrateur chuygen@…`, `utilisateur U004`. */
export function subjectText(subject: FindingSubject, lang: Lang): string {
  return `${labels(lang).subject[subject.type] ?? subject.type} ${subjectWords(subject, lang)}`;
}

/** Fills `{name}` placeholders of a label. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Symbols that carry the severity without colour (NO_COLOR, CI logs). */
export const SEVERITY_SYMBOL: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
