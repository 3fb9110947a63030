import type { Lang } from '../../i18n/lang.js';

/** Words of the outputs of a run stopped by input errors. */
const ERRORS_LABELS = {
  fr: {
    title: 'vigie — données invalides',
    summary: '{errors} erreur(s) dans {files} fichier(s) : la vérification n’a pas eu lieu (code de sortie 2).',
    place: 'Emplacement',
    error: 'Erreur',
    value: 'Valeur',
  },
  en: {
    title: 'vigie — invalid input',
    summary: '{errors} error(s) in {files} file(s): the check did not run (exit code 2).',
    place: 'Location',
    error: 'Error',
    value: 'Value',
  },
};

/** The error-output words of a language. */
export function errorsLabels(lang: Lang): (typeof ERRORS_LABELS)['fr'] {
  return ERRORS_LABELS[lang];
}
