import { STATUS_COLORS } from './bilan-chart-svg.js';

/** The bilan's inline stylesheet (A4 pages that never split a block); no data reaches it, so no escaping. */
export const BILAN_CSS = `
:root { --ink: #1f2933; --muted: #5b6670; --rule: #d5dbe1; --accent: #0b4f8a; --ok: ${STATUS_COLORS.compliant}; --ko: ${STATUS_COLORS.nonCompliant}; --nv: #5f6b76; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: #e4e7eb; }
body { margin: 0; color: var(--ink); font-family: "Marianne", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.4; }
.sheet { width: 210mm; max-width: 100%; margin: 10mm auto; padding: 16mm 15mm 18mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.18); }
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13.5pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 1.5pt solid var(--accent); }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; display: flex; align-items: baseline; gap: 3mm; flex-wrap: wrap; }
h4 { font-size: 10.5pt; margin: 4mm 0 1.5mm; color: var(--ink); }
h5 { font-size: 9.5pt; margin: 3mm 0 1mm; color: var(--muted); }
p { margin: 1.5mm 0; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 0.88em; background: #f1f3f5; padding: 0 0.6mm; border-radius: 1mm; overflow-wrap: anywhere; }
.masthead { border-bottom: 3pt solid var(--accent); padding-bottom: 3mm; margin-bottom: 4mm; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 8.5pt; color: var(--muted); margin: 0 0 1mm; }
.basis { color: var(--muted); margin: 0 0 3mm; }
.identity { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 0; }
.identity dt { font-weight: bold; color: var(--muted); }
.identity dd { margin: 0; overflow-wrap: anywhere; }
.identity .partner-name { font-weight: bold; font-size: 12pt; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }
.tile { border: 1px solid var(--rule); border-top: 3pt solid var(--muted); border-radius: 1.5mm; padding: 2mm 3mm; }
.tile .number { font-size: 20pt; font-weight: bold; line-height: 1.1; }
.tile .label { font-size: 9pt; color: var(--muted); }
.tile .before { font-size: 8.5pt; color: var(--muted); }
.tile.compliant { border-top-color: var(--ok); } .tile.compliant .number { color: var(--ok); }
.tile.non_compliant { border-top-color: var(--ko); } .tile.non_compliant .number { color: var(--ko); }
.tile.not_verifiable { border-top-color: var(--nv); } .tile.not_verifiable .number { color: var(--nv); }
.tile.findings { border-top-color: var(--accent); } .tile.findings .number { color: var(--accent); }
.warning-banner { border: 1px solid #e0a800; background: #fff8e1; padding: 2mm 3mm; border-radius: 1.5mm; }
figure { margin: 4mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 1mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid var(--rule); padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); background: #f6f7f9; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; border-top: 1.5px solid var(--ink); }
table.counts col.article { width: 40%; }
table.counts td, table.counts th { padding: 0.7mm 1.6mm; font-size: 9pt; }
table.counts th { font-size: 8pt; }
table.rules col.status { width: 24%; } table.rules col.findings { width: 15%; } table.rules col.previous { width: 24%; }
.rule-id { display: block; font-size: 8.5pt; color: var(--muted); }
.reason { display: block; font-size: 9pt; color: var(--muted); font-style: italic; }
.badge { display: inline-block; white-space: nowrap; font-size: 8.5pt; font-weight: bold; padding: 0.3mm 1.8mm; border-radius: 5mm; border: 1px solid currentColor; }
.badge.compliant { color: var(--ok); background: #e8f4ec; }
.badge.non_compliant { color: var(--ko); background: #fbeceb; }
.badge.not_verifiable, .badge.not_applicable { color: var(--nv); background: #eef0f2; }
.badge.error { color: #a61b1b; background: #fbeceb; }
.badge.warning { color: #8a5300; background: #fff4dc; }
.badge.info { color: #125e8a; background: #e7f2fa; }
.badge.change { color: var(--accent); background: #fff; font-weight: normal; }
.badge.waived { color: var(--muted); background: #fff; font-weight: normal; }
.article-counts { display: inline-flex; gap: 1.5mm; font-weight: normal; }
.article-counts .badge { font-size: 8pt; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.rule-detail { margin: 2mm 0 4mm; }
blockquote { margin: 1mm 0 2mm; padding: 1mm 3mm; border-left: 2pt solid var(--rule); color: var(--muted); font-size: 9pt; font-style: italic; break-inside: avoid; page-break-inside: avoid; }
.finding { border: 1px solid var(--rule); border-left: 3pt solid var(--muted); border-radius: 1mm; padding: 2mm 3mm; margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
.finding.error { border-left-color: #a61b1b; }
.finding.warning { border-left-color: #d08a00; }
.finding.info { border-left-color: #125e8a; }
.finding-head { display: flex; flex-wrap: wrap; gap: 2mm; align-items: baseline; }
.finding-head .subject { font-weight: bold; }
.finding .message { margin: 1mm 0; }
.finding .evidence, .finding .todo, .finding .waiver { font-size: 9pt; margin: 0.8mm 0; }
.finding .field { font-weight: bold; color: var(--muted); }
.resolved ul { margin: 1mm 0; padding-left: 5mm; }
.resolved li { break-inside: avoid; page-break-inside: avoid; font-size: 9.5pt; }
.resolved li::marker { content: "✔  "; color: var(--ok); }
.signatures { break-inside: avoid; page-break-inside: avoid; }
.sign-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; margin-top: 3mm; }
.sign-box { border: 1px solid var(--ink); border-radius: 1mm; padding: 3mm 4mm; }
.sign-box h3 { margin: 0 0 3mm; font-size: 10.5pt; color: var(--ink); }
.sign-line { display: flex; gap: 2mm; align-items: flex-end; margin: 3.5mm 0; }
.sign-line .field { white-space: nowrap; font-weight: bold; color: var(--muted); }
.sign-line .blank { flex: 1; border-bottom: 1px dotted var(--ink); height: 5mm; }
.sign-area { border: 1px solid var(--muted); height: 32mm; margin-top: 2mm; padding: 1.5mm 2mm; font-size: 8.5pt; color: var(--muted); }
.colophon { margin-top: 6mm; padding-top: 2mm; border-top: 1px solid var(--rule); font-size: 8.5pt; color: var(--muted); }
@page { size: A4; margin: 15mm 14mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #5b6670; } }
@media print {
  html, body { background: #fff; }
  body { font-size: 9.5pt; }
  .sheet { width: auto; margin: 0; padding: 0; box-shadow: none; }
  h2 { margin-top: 6mm; }
}
`;
