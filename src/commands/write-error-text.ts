import type { Lang } from '../i18n/lang.js';

// The causes a user can act on, in their words; the system's code stays at the end for a search.
const CAUSES: Record<string, { fr: string; en: string }> = {
  ENOENT: { fr: 'dossier introuvable', en: 'folder not found' },
  ENOTDIR: { fr: "un élément du chemin n'est pas un dossier", en: 'part of the path is not a folder' },
  EACCES: { fr: 'permission refusée', en: 'permission denied' },
  EPERM: { fr: 'opération non permise', en: 'operation not permitted' },
  EROFS: { fr: 'système de fichiers en lecture seule', en: 'read-only file system' },
  ENOSPC: { fr: 'plus de place sur le disque', en: 'no space left on the device' },
  EDQUOT: { fr: 'quota de disque atteint', en: 'disk quota exceeded' },
  EFBIG: { fr: 'fichier trop grand', en: 'file too large' },
  EISDIR: { fr: "c'est un dossier", en: 'it is a folder' },
  EIO: { fr: "erreur d'entrée-sortie", en: 'input/output error' },
};

/** Why a write failed, in the run's language, without the system's English: `plus de place sur le disque (ENOSPC)`. */
export function writeErrorText(error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const cause = code === undefined ? undefined : CAUSES[code];
  if (cause) return `${cause[lang]} (${code})`;
  return code ?? String((error as Error)?.message ?? error);
}
