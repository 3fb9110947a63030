import type { Lang } from './lang.js';

/** User-facing strings of the machinery (rule texts live in the rule files). */
const MESSAGES = {
  tableAbsent: { fr: 'table « {table} » absente de l’instantané', en: 'table “{table}” is absent from the snapshot' },
  columnAbsent: { fr: 'colonne « {column} » absente de {file}', en: 'column “{column}” is absent from {file}' },
  columnsAbsent: { fr: 'aucune des colonnes « {columns} » dans {file}', en: 'none of the columns “{columns}” in {file}' },
  columnNear: { fr: 'la colonne « {header} » ({place}) est-elle « {name} » ?', en: 'is column “{header}” ({place}) “{name}”?' },
  keyNear: { fr: 'la clé « {header} » (ligne {line}) est-elle « {name} » ?', en: 'is key “{header}” (line {line}) “{name}”?' },
  partnerKeyAbsent: { fr: 'clé « {key} » absente de {file}', en: 'key “{key}” is absent from {file}' },
  tracesAfterExport: {
    fr: "la date d'évaluation ({asOf}) est postérieure à l'export ({extractedOn}) : les traces après cette date ne sont pas connues",
    en: 'the as-of date ({asOf}) is after the export ({extractedOn}): the traces after that date are not known',
  },
  evaluationFailed: { fr: "échec de l'évaluation : {detail}", en: 'evaluation failed: {detail}' },
  tracesOutOfOrder: {
    fr: 'traces non triées par date pour un même utilisateur ({place}) : la règle suppose chaque utilisateur lu dans l’ordre chronologique',
    en: 'traces not in time order for one user ({place}): the rule reads each user in chronological order',
  },
} as const;

/** The name of a machinery message. */
export type MessageKey = keyof typeof MESSAGES;

/** A machinery message in the chosen language, with `{name}` placeholders filled. */
export function t(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
