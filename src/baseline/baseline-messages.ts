import type { Lang } from '../i18n/lang.js';

const MESSAGES = {
  'baseline-unreadable': { fr: 'référence illisible : {detail}', en: 'cannot read the baseline: {detail}' },
  'baseline-syntax': { fr: 'JSON invalide : {detail}', en: 'invalid JSON: {detail}' },
  'baseline-schema': {
    fr: "la référence n'est pas une sortie --format json de vigie : {detail}",
    en: 'the baseline is not a vigie --format json output: {detail}',
  },
  'baseline-other-partner': {
    fr: "--baseline : SIRET d'un autre partenaire que celui de {path} ({siret})",
    en: '--baseline: SIRET of another partner than that of {path} ({siret})',
  },
} as const;

/** The codes of these messages (also the `code` of the errors they word). */
export type BaselineMessageCode = keyof typeof MESSAGES;

/** A baseline error in the chosen language, `{name}` placeholders filled. */
export function baselineMessage(code: BaselineMessageCode, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
