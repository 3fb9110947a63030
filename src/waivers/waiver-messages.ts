import type { Lang } from '../i18n/lang.js';

const MESSAGES = {
  'waivers-unreadable': { fr: 'fichier de dérogations illisible : {detail}', en: 'cannot read the waivers file: {detail}' },
  'waivers-yaml-syntax': { fr: 'YAML invalide : {detail}', en: 'invalid YAML: {detail}' },
  'waivers-schema': { fr: 'dérogations non conformes au schéma : {detail}', en: 'waivers do not match the schema: {detail}' },
  'waiver-bad-date': { fr: "date d'expiration impossible", en: 'impossible expiry date' },
  'waiver-expired': {
    fr: 'Dérogation {rule}{subject} accordée par {approver} expirée le {date} : elle ne s’applique plus.',
    en: 'Waiver {rule}{subject} approved by {approver} expired on {date}: it no longer applies.',
  },
  'waiver-unmatched': {
    fr: 'Dérogation {rule}{subject} accordée par {approver} (jusqu’au {date}) : aucun constat ne lui correspond ; à retirer si le manquement est corrigé.',
    en: 'Waiver {rule}{subject} approved by {approver} (until {date}) matches no finding; remove it if the breach is fixed.',
  },
  'waiver-unknown-rule': {
    fr: 'Dérogation {rule}{subject} accordée par {approver} : la règle {rule} est inconnue ou désactivée, la dérogation ne couvre rien.',
    en: 'Waiver {rule}{subject} approved by {approver}: rule {rule} is unknown or disabled, so the waiver covers nothing.',
  },
  'waiver-beyond-horizon': {
    fr: 'Dérogation {rule}{subject} accordée par {approver} jusqu’au {date} : au-delà de l’horizon de {horizon} après le {asOf} (au plus tard le {limit}) ; elle s’applique, mais sa durée est à revoir.',
    en: 'Waiver {rule}{subject} approved by {approver} until {date}: beyond the {horizon} horizon after {asOf} (at the latest {limit}); it applies, but its term should be reviewed.',
  },
  'waiver-broad': {
    fr: 'Dérogation {rule} accordée par {approver} sans sujet : elle couvre {count} constats ; nommer le sujet de chacun (subject) pour qu’aucun autre ne passe inaperçu.',
    en: 'Waiver {rule} approved by {approver} has no subject and covers {count} findings; name each subject (subject) so that no other one goes unnoticed.',
  },
  subject: { fr: ' (sujet {subject})', en: ' (subject {subject})' },
} as const;

/** The codes of these messages (also the `code` of the errors they word). */
export type WaiverMessageCode = keyof typeof MESSAGES;

/** A waiver error or notice in the chosen language, `{name}` placeholders filled. */
export function waiverMessage(code: WaiverMessageCode, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
