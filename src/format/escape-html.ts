// Characters HTML may not carry even escaped (C0 controls but tab, LF, CR; lone surrogates): dropped.
const NOT_HTML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for HTML or SVG content and quoted attributes alike, so that data never becomes markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(NOT_HTML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
