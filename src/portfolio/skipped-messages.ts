import type { Lang } from '../i18n/lang.js';
import { formatInputError } from '../snapshot/input-error-messages.js';
import type { SkippedPath } from '../report/portfolio-types.js';

/** Why a path was left out of a run, in words (« entrée cachée », « même instantané que snap »…). */
export function skippedReason(skipped: SkippedPath, lang: Lang): string {
  const fr = lang === 'fr';
  switch (skipped.reason) {
    case 'hidden':
      return fr ? 'entrée cachée (nom commençant par un point)' : 'hidden entry (name starting with a dot)';
    case 'no-snapshot-files':
      return fr ? 'dossier sans partner.yaml ni table' : 'folder without partner.yaml or any table';
    case 'not-a-snapshot-file':
      return fr ? "ni un dossier d'instantané ni un fichier .json" : 'neither a snapshot folder nor a .json file';
    case 'duplicate':
      return fr ? `même instantané que ${skipped.sameAs}` : `same snapshot as ${skipped.sameAs}`;
    case 'unreadable': {
      const params: Record<string, string> = skipped.kind === undefined ? { reason: skipped.code ?? 'EIO' } : { reason: skipped.code ?? 'EIO', kind: skipped.kind };
      return formatInputError({ file: skipped.path, line: 1, column: 1, code: 'unreadable', params }, lang);
    }
  }
}

/** The stderr line of a skipped path: `PATH : ignoré — why`. */
export function skippedLine(skipped: SkippedPath, lang: Lang): string {
  return lang === 'fr' ? `${skipped.path} : ignoré — ${skippedReason(skipped, lang)}` : `${skipped.path}: skipped — ${skippedReason(skipped, lang)}`;
}
