import type { Lang } from '../../i18n/lang.js';
import type { ActivityBasis } from '../../review/review-types.js';

/** Words of the reverse review list (CSV headers, Markdown). */
const REVIEW_LABELS = {
  fr: {
    colon: ' :',
    title: 'Revue inverse des habilitations',
    basis: 'Contrat de services, art. 2.2.2 : le gestionnaire principal fait chaque année une revue inverse des habilitations et en transmet le résultat à la Caf.',
    partner: 'Partenaire',
    siret: 'SIRET',
    asOf: 'Habilitations actives au',
    mode: 'Mode de gestion',
    snapshot: 'Données',
    count: '{grants} habilitation(s) active(s) de {users} personne(s).',
    none: 'Aucune habilitation active à cette date.',
    instructions: 'Pour chaque ligne, indiquer « conserver » ou « révoquer » ; toute habilitation révoquée est clôturée dans « Mon Compte Partenaire ».',
    columns: {
      userId: 'identifiant', lastName: 'nom', firstName: 'prénom', function: 'fonction', service: 'service', profile: 'profil',
      profileLabel: 'libellé du profil', scopeLevel: 'niveau', scopeId: 'périmètre', scopeName: 'nom du périmètre', grantedOn: 'habilité depuis le',
      lastActivity: 'dernière activité', activityBasis: 'activité constatée sur', findings: 'constats', source: 'source',
      decision: 'décision (conserver / révoquer)', comment: 'commentaire',
    },
    table: { person: 'Personne', profile: 'Profil', scope: 'Périmètre', since: 'Depuis le', lastActivity: 'Dernière activité', findings: 'Constats', decision: 'Décision' },
    scopeLevel: { site: "lieu d'implantation", facility: 'équipement' },
    basisText: {
      scope: 'périmètre',
      account: 'compte (aucune trace sur ce périmètre)',
      none: 'aucune trace',
      no_traces: 'traces absentes de l’instantané',
    } satisfies Record<ActivityBasis, string>,
    onAccount: 'sur le compte',
    decisionBoxes: '☐ conserver ☐ révoquer',
    signature: 'Signature de la revue',
    reviewer: 'Revue réalisée par (gestionnaire principal)',
    date: 'Date',
    sentOn: 'Résultat transmis à la Caf le',
    sign: 'Signature',
    generated: 'Établi avec vigie {version} à partir des données {path}.',
  },
  en: {
    colon: ':',
    title: 'Reverse review of habilitations',
    basis: 'Service contract, art. 2.2.2: every year the main administrator reviews the habilitations and sends the result to the Caf.',
    partner: 'Partner',
    siret: 'SIRET',
    asOf: 'Grants active on',
    mode: 'Management mode',
    snapshot: 'Data',
    count: '{grants} active grant(s) of {users} person(s).',
    none: 'No active grant on that date.',
    instructions: 'For each row, write "keep" or "revoke"; every revoked grant is closed in « Mon Compte Partenaire ».',
    columns: {
      userId: 'user_id', lastName: 'last name', firstName: 'first name', function: 'function', service: 'service', profile: 'profile',
      profileLabel: 'profile name', scopeLevel: 'level', scopeId: 'scope', scopeName: 'scope name', grantedOn: 'granted on',
      lastActivity: 'last activity', activityBasis: 'activity seen on', findings: 'findings', source: 'source',
      decision: 'decision (keep / revoke)', comment: 'comment',
    },
    table: { person: 'Person', profile: 'Profile', scope: 'Scope', since: 'Since', lastActivity: 'Last activity', findings: 'Findings', decision: 'Decision' },
    scopeLevel: { site: 'site', facility: 'facility' },
    basisText: {
      scope: 'scope',
      account: 'account (no trace on this scope)',
      none: 'no trace',
      no_traces: 'no traces in the snapshot',
    } satisfies Record<ActivityBasis, string>,
    onAccount: 'on the account',
    decisionBoxes: '☐ keep ☐ revoke',
    signature: 'Review sign-off',
    reviewer: 'Review performed by (main administrator)',
    date: 'Date',
    sentOn: 'Result sent to the Caf on',
    sign: 'Signature',
    generated: 'Prepared with vigie {version} from the data in {path}.',
  },
};

/** The review words of one language. */
export type ReviewLabels = (typeof REVIEW_LABELS)['fr'];

/** The review words of a language. */
export function reviewLabels(lang: Lang): ReviewLabels {
  return REVIEW_LABELS[lang];
}
