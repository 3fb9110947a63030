import type { Lang } from '../../i18n/lang.js';
import { escapeHtml } from '../escape-html.js';
import { bilanLabels } from './bilan-labels.js';
import type { Bilan, BilanArticle } from '../../bilan/bilan-types.js';
import { articleName, totalRules } from './bilan-text.js';

/** Colours of the three statuses, shared with the stylesheet's badges. */
export const STATUS_COLORS = { compliant: '#2f7d46', nonCompliant: '#c0392b', notVerifiable: '#aab2bb' } as const;

const WIDTH = 680;
const LABEL_WIDTH = 118;
const ROW_HEIGHT = 19;
const BAR_HEIGHT = 13;
const LEGEND_HEIGHT = 26;
const AXIS_HEIGHT = 20;
const DOCUMENT_GAP = 8;
/** Room on the right of the longest bar for its total. */
const END_MARGIN = 28;

/** A stacked bar per article as inline SVG; non compliant segments hatched to read printed in grey. */
export function bilanChartSvg(bilan: Bilan, lang: Lang): string {
  const words = bilanLabels(lang);
  const articles = bilan.documents.flatMap((document) => document.articles);
  const gaps = Math.max(0, bilan.documents.length - 1) * DOCUMENT_GAP;
  const height = LEGEND_HEIGHT + articles.length * ROW_HEIGHT + gaps + AXIS_HEIGHT;
  const maxRules = Math.max(1, ...articles.map((article) => totalRules(article.counts)));
  const unit = (WIDTH - LABEL_WIDTH - END_MARGIN) / maxRules;
  const parts: string[] = [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-title" font-family="inherit" font-size="11">`,
    `<title id="chart-title">${escapeHtml(words.chartTitle)}</title>`,
    '<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
    `<rect width="5" height="5" fill="${STATUS_COLORS.nonCompliant}"/><rect width="1.6" height="5" fill="#ffffff" fill-opacity="0.28"/></pattern></defs>`,
    ...legend(lang),
  ];

  const top = LEGEND_HEIGHT;
  const plotHeight = height - LEGEND_HEIGHT - AXIS_HEIGHT;
  // A gridline per rule when few, else every other one, so that the numbers stay legible.
  const step = maxRules > 12 ? 2 : 1;
  for (let tick = 0; tick <= maxRules; tick += step) {
    const x = round(LABEL_WIDTH + tick * unit);
    parts.push(`<line x1="${x}" y1="${top - 2}" x2="${x}" y2="${top + plotHeight}" stroke="#d5dbe1" stroke-width="${tick === 0 ? 1 : 0.6}"/>`);
    parts.push(`<text x="${x}" y="${top + plotHeight + 13}" text-anchor="middle" fill="#5b6670" font-size="9">${tick}</text>`);
  }

  let y = top;
  bilan.documents.forEach((document, index) => {
    if (index > 0) y += DOCUMENT_GAP;
    for (const article of document.articles) {
      parts.push(...bar(article, y, unit, lang));
      y += ROW_HEIGHT;
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function legend(lang: Lang): string[] {
  const words = bilanLabels(lang);
  const items: [string, string][] = [
    [STATUS_COLORS.compliant, words.statusPlural.compliant],
    ['url(#hatch)', words.statusPlural.non_compliant],
    [STATUS_COLORS.notVerifiable, words.statusPlural.not_verifiable],
  ];
  const parts: string[] = [];
  let x = LABEL_WIDTH;
  for (const [fill, label] of items) {
    parts.push(`<rect x="${x}" y="4" width="12" height="12" rx="2" fill="${fill}"/>`);
    parts.push(`<text x="${x + 17}" y="14" fill="#1f2933">${escapeHtml(label)}</text>`);
    // Legend labels are short words; 7 px per character is a safe width for the default font.
    x += 17 + label.length * 7 + 22;
  }
  return parts;
}

function bar(article: BilanArticle, y: number, unit: number, lang: Lang): string[] {
  const { compliant, nonCompliant, notVerifiable } = article.counts;
  const label = articleName(article.document, article.article, lang);
  const middle = y + ROW_HEIGHT / 2;
  const parts = [`<text x="${LABEL_WIDTH - 8}" y="${round(middle + 4)}" text-anchor="end" fill="#1f2933">${escapeHtml(label)}</text>`];
  let x = LABEL_WIDTH;
  const segments: [number, string, string][] = [
    [compliant, STATUS_COLORS.compliant, '#ffffff'],
    [nonCompliant, 'url(#hatch)', '#ffffff'],
    [notVerifiable, STATUS_COLORS.notVerifiable, '#1f2933'],
  ];
  for (const [count, fill, ink] of segments) {
    if (count === 0) continue;
    const width = count * unit;
    parts.push(`<rect x="${round(x)}" y="${round(middle - BAR_HEIGHT / 2)}" width="${round(width)}" height="${BAR_HEIGHT}" fill="${fill}" stroke="#ffffff" stroke-width="0.8"/>`);
    // A halo of the segment's own colour keeps the number legible over the hatching.
    const halo = fill === 'url(#hatch)' ? ` stroke="${STATUS_COLORS.nonCompliant}" stroke-width="2.5" paint-order="stroke"` : '';
    if (width >= 14) parts.push(`<text x="${round(x + width / 2)}" y="${round(middle + 3.5)}" text-anchor="middle" fill="${ink}" font-size="9.5" font-weight="bold"${halo}>${count}</text>`);
    x += width;
  }
  parts.push(`<text x="${round(x + 5)}" y="${round(middle + 3.5)}" fill="#5b6670" font-size="9.5">${totalRules(article.counts)}</text>`);
  return parts;
}

/** Coordinates with at most two decimals: shorter SVG, and the same text on every platform. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
