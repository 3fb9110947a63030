import type { Lang } from '../i18n/lang.js';
import type { DeadlineKind } from './deadline-types.js';

/** Words of `vigie deadlines`: what falls due, how it was computed, and the view's headings. */
const DEADLINE_LABELS = {
  fr: {
    title: {
      review_due: 'Revue inverse des habilitations à réaliser et transmettre',
      bilan_due: 'Bilan annuel de la convention à réaliser',
      convention_anniversary: 'Reconduction tacite de la convention',
      convention_end: 'Fin de la convention (sans reconduction tacite)',
      termination_notice: 'Dernier jour de réception d’une résiliation au {end}',
      escalation_due: 'Escalade possible si l’incident reste sans réponse',
      subcontractor_start: 'Début de prestation autorisé au plus tôt',
      waiver_expiry: 'Dernier jour de la dérogation',
    } as Record<DeadlineKind | 'convention_end', string>,
    detail: {
      reviewAfterLast: 'dernière revue {id} le {date} ; une revue couvre {period}',
      reviewFirst: 'accès ouvert le {date} ; première revue due {period} après',
      bilanAfterLast: 'dernier bilan {id} le {date} ; un bilan couvre {period}',
      bilanFirst: 'convention signée le {date} ; premier bilan dû {period} après',
      anniversary: 'convention signée le {date} pour {period}, reconductible par tacite reconduction',
      end: 'convention signée le {date} pour {period}, sans reconduction tacite',
      termination: 'pour mettre fin à la convention le {end}, la lettre recommandée doit être reçue {period} avant au moins',
      escalation: 'incident ouvert le {date}, sans réponse ; délai de réponse {period}',
      urgent: 'urgent : l’escalade peut être engagée dès maintenant',
      subcontractor: 'prestataire {name} ; Caf informée le {date} ; délai de prévenance {period}',
      plannedTooEarly: 'début prévu le {date}, avant cette date',
      planned: 'début prévu le {date}',
      waiver: 'dérogation à {rule} accordée par {approver} : {reason}',
      separator: ' ; ',
    },
    kind: {
      review_due: 'revue inverse', bilan_due: 'bilan annuel', convention_anniversary: 'reconduction de la convention',
      termination_notice: 'préavis de résiliation', escalation_due: 'escalade d’incident', subcontractor_start: 'début de prestataire',
      waiver_expiry: 'fin de dérogation',
    } as Record<DeadlineKind, string>,
    subject: { waiver: 'dérogation' } as Record<string, string>,
    notComputed: {
      ruleMissing: 'règle {rule} désactivée ou inconnue',
      badParam: 'paramètre « {param} » de {rule} : durée ISO 8601 invalide ({value})',
      badPeriod: 'clé « {key} » : durée ISO 8601 invalide ({value})',
      keyEmpty: 'clé « {key} » vide dans {file}',
      terminated: 'convention résiliée le {date}',
    },
    view: {
      heading: 'Échéances de {partner}',
      columns: { date: 'Date', due: 'Échéance', clause: 'Clause', subject: 'Sujet' },
      none: 'Aucune échéance à venir.',
      overdue: 'Déjà échues au {date} (voir vigie check) ({n})',
      notComputed: 'Échéances non calculées ({n})',
      article: 'art.',
      calendar: 'vigie — échéances de {partner}',
      clauseLine: 'Clause {clause}{rule} : « {quote} »',
      subjectLine: 'Sujet : {subject}',
      evidenceLine: 'Preuves : {evidence}',
    },
    schema: 'échéances non conformes au schéma : {detail}',
  },
  en: {
    title: {
      review_due: 'Reverse access review to perform and send',
      bilan_due: 'Annual convention review to hold',
      convention_anniversary: 'Tacit renewal of the convention',
      convention_end: 'End of the convention (no tacit renewal)',
      termination_notice: 'Last day for a termination letter to be received, to end on {end}',
      escalation_due: 'Escalation possible if the incident is still unanswered',
      subcontractor_start: 'Earliest lawful start of the subcontractor',
      waiver_expiry: 'Last day of the waiver',
    } as Record<DeadlineKind | 'convention_end', string>,
    detail: {
      reviewAfterLast: 'last review {id} on {date}; a review covers {period}',
      reviewFirst: 'access opened on {date}; first review due {period} later',
      bilanAfterLast: 'last review {id} on {date}; a review covers {period}',
      bilanFirst: 'convention signed on {date}; first review due {period} later',
      anniversary: 'convention signed on {date} for {period}, renewed tacitly',
      end: 'convention signed on {date} for {period}, with no tacit renewal',
      termination: 'to end the convention on {end}, the registered letter must be received at least {period} before',
      escalation: 'incident opened on {date}, unanswered; answer due within {period}',
      urgent: 'urgent: escalation may start now',
      subcontractor: 'subcontractor {name}; Caf notified on {date}; notice {period}',
      plannedTooEarly: 'start planned on {date}, before that date',
      planned: 'start planned on {date}',
      waiver: 'waiver of {rule} approved by {approver}: {reason}',
      separator: '; ',
    },
    kind: {
      review_due: 'reverse review', bilan_due: 'annual review', convention_anniversary: 'convention renewal',
      termination_notice: 'termination notice', escalation_due: 'incident escalation', subcontractor_start: 'subcontractor start',
      waiver_expiry: 'waiver end',
    } as Record<DeadlineKind, string>,
    subject: { waiver: 'waiver' } as Record<string, string>,
    notComputed: {
      ruleMissing: 'rule {rule} disabled or unknown',
      badParam: 'parameter “{param}” of {rule}: invalid ISO 8601 duration ({value})',
      badPeriod: 'key “{key}”: invalid ISO 8601 duration ({value})',
      keyEmpty: 'key “{key}” is empty in {file}',
      terminated: 'convention terminated on {date}',
    },
    view: {
      heading: 'Deadlines of {partner}',
      columns: { date: 'Date', due: 'Due', clause: 'Clause', subject: 'Subject' },
      none: 'No upcoming deadline.',
      overdue: 'Already past on {date} (see vigie check) ({n})',
      notComputed: 'Deadlines not computed ({n})',
      article: 'art.',
      calendar: 'vigie — deadlines of {partner}',
      clauseLine: 'Clause {clause}{rule}: “{quote}”',
      subjectLine: 'Subject: {subject}',
      evidenceLine: 'Evidence: {evidence}',
    },
    schema: 'deadlines do not match the schema: {detail}',
  },
};

/** The deadline words of one language. */
export type DeadlineLabels = (typeof DEADLINE_LABELS)['fr'];

/** The deadline words of a language. */
export function deadlineLabels(lang: Lang): DeadlineLabels {
  return DEADLINE_LABELS[lang];
}
