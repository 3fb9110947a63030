import type { Lang } from '../../i18n/lang.js';

/** Words of the portfolio view (`vigie check` on several snapshots). */
const PORTFOLIO_LABELS = {
  fr: {
    title: 'portefeuille de {n} instantané(s)',
    columns: {
      partner: 'Partenaire', errors: 'Erreurs', warnings: 'Avertissements', notEvaluated: 'Non évaluées', waived: 'Dérogations',
      new: 'Nouveaux', worst: 'Règle la plus grave', asOf: 'Au', snapshot: 'Instantané',
    },
    invalidTitle: 'Instantanés invalides ({n})',
    invalidRow: '{n} erreur(s) de données',
    invalidHint: 'les erreurs sont écrites sur la sortie d’erreur, au format FICHIER:LIGNE:COLONNE',
    more: '… et {n} autre(s)',
    skippedTitle: 'Chemins ignorés ({n})',
    total: 'Total : {partners} partenaire(s) · {errors} avec erreurs · {warnings} avec avertissements seulement · {clean} sans constat · {invalid} invalide(s)',
  },
  en: {
    title: 'portfolio of {n} snapshot(s)',
    columns: {
      partner: 'Partner', errors: 'Errors', warnings: 'Warnings', notEvaluated: 'Not evaluated', waived: 'Waived',
      new: 'New', worst: 'Worst rule', asOf: 'As of', snapshot: 'Snapshot',
    },
    invalidTitle: 'Invalid snapshots ({n})',
    invalidRow: '{n} input error(s)',
    invalidHint: 'the errors are written to standard error, as FILE:LINE:COLUMN',
    more: '… and {n} more',
    skippedTitle: 'Paths left out ({n})',
    total: 'Total: {partners} partner(s) · {errors} with errors · {warnings} with warnings only · {clean} with no finding · {invalid} invalid',
  },
};

/** The portfolio words of one language. */
export type PortfolioLabels = (typeof PORTFOLIO_LABELS)['fr'];

/** The portfolio words of a language. */
export function portfolioLabels(lang: Lang): PortfolioLabels {
  return PORTFOLIO_LABELS[lang];
}
