import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { XMLValidator } from 'fast-xml-parser';
import { buildBilan } from '../../../src/bilan/build-bilan.js';
import { formatBilanHtml } from '../../../src/format/bilan/format-bilan-html.js';
import type { Report } from '../../../src/report/report-types.js';
import { ca2cReport } from '../ca2c-report.js';
import { bilanFixture, fixtureBilan, reportOf } from '../../bilan/bilan-fixtures.js';

const html = suite('bilan: HTML');
const fr = { lang: 'fr' as const };

html('one self-contained file: inline style and SVG, no script, no external resource', async () => {
  const page = formatBilanHtml(buildBilan(await ca2cReport()), fr);
  assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">'));
  assert.ok(page.endsWith('</html>\n'));
  for (const outside of ['http:', 'https:', 'src=', 'href=', 'url(', '@import', '<link', '<script', '<iframe', '<img', 'xlink']) {
    const at = page.indexOf(outside);
    // The hatching of the chart refers to its own pattern, url(#hatch): the one url( allowed.
    if (outside === 'url(') assert.not.match(page.replace(/url\(#hatch\)/g, ''), 'url(', 'url( other than url(#hatch)');
    else assert.is(at, -1, `${outside} at ${at}: ${page.slice(at - 60, at + 60)}`);
  }
  assert.match(page, '<style>');
  assert.match(page, '<svg class="chart"');
  assert.match(page, '@page { size: A4; margin:');
  assert.match(page, 'break-inside: avoid');
  assert.match(page, 'thead { display: table-header-group; }');
});

html('header, chart per article, sections, signature block', async () => {
  const report = await ca2cReport();
  const bilan = buildBilan(report);
  const page = formatBilanHtml(bilan, fr);
  assert.match(page, `<title>Bilan annuel — ${report.snapshot.partner.replace(/'/g, '&#39;')} — 30/06/2024</title>`);
  assert.match(page, '<dt>SIRET</dt><dd>20003063300198</dd>');
  assert.match(page, '<dt>Situation au</dt><dd>30/06/2024</dd>');
  assert.match(page, '<dt>Mode de gestion</dt><dd>mode délégué</dd>');
  const svg = page.slice(page.indexOf('<svg'), page.indexOf('</svg>') + '</svg>'.length);
  assert.is(XMLValidator.validate(svg), true);
  const articles = bilan.documents.flatMap((document) => document.articles);
  for (const article of articles) assert.match(svg, `>${article.document} art. ${article.article}</text>`);
  const segments = articles.reduce((sum, { counts }) => sum + [counts.compliant, counts.nonCompliant, counts.notVerifiable].filter((n) => n > 0).length, 0);
  assert.is(svg.match(/<rect x="\d[^"]*" y="[^"]*" width="[^"]*" height="13"/g)?.length, segments);
  assert.match(page, '<h2>Convention (CONV)</h2>');
  assert.match(page, '<h3>Article 9.2 <span class="article-counts">');
  assert.match(page, '<article class="finding error">');
  assert.match(page, '<code>habilitations.csv:7</code>, <code>users.csv:5</code>');
  assert.match(page, '<h3>Pour la Caf — superviseur</h3>');
  assert.match(page, '<h3>Pour le partenaire — représentant</h3>');
  assert.match(page, '<div class="sign-area">Signature</div>');
});

html('a status is said of the obligation; the breach heads the findings', async () => {
  const report = await ca2cReport();
  const page = formatBilanHtml(buildBilan(report), fr);
  assert.match(page, '<th>Obligation</th>');
  assert.match(page, '<span class="badge compliant">✔ Conforme</span></td><td>Habilitations sur les seuls services souscrits<span class="rule-id">HAB-SERVICE-NOT-SUBSCRIBED</span>');
  assert.match(page, '<span class="badge non_compliant">✖ Non conforme</span></td><td>Administrateur suppléant désigné<span class="rule-id">GOV-DEPUTY-MISSING</span>');
  assert.match(page, '<h4>✖ GOV-DEPUTY-MISSING — Aucun administrateur suppléant désigné</h4>');
  for (const rule of report.rules) assert.not.match(page, `</span></td><td>${rule.title}<span class="rule-id">`, rule.id);
});

html('--previous: tiles and table show then → now, findings marked new', async () => {
  const page = formatBilanHtml(await fixtureBilan(), fr);
  assert.match(page, `<dt>Bilan précédent</dt><dd><code>${bilanFixture('2023')}</code>, situation au 30/06/2023</dd>`);
  assert.match(page, 'Depuis le bilan précédent : 1 constat(s) apparu(s), 1 résolu(s), 1 persistant(s).');
  assert.match(page, '<tr><td>AFAS art. 1.1</td><td class="number">8</td><td class="number">0</td><td class="number">0</td><td class="number"><strong>1 → 0</strong></td></tr>');
  assert.match(page, '<span class="badge change">nouveau</span>');
  assert.match(page, '<h5>Résolus depuis le bilan précédent</h5>');
  assert.match(page, '<li><strong>équipement EQ-A</strong> — 2 approbateurs (D3)');
});

html('markup in the data is shown, never interpreted', async () => {
  const report = await reportOf(bilanFixture('injection'));
  assert.is(report.snapshot.partner, '<script>alert("bilan")</script> & Cie');
  const page = formatBilanHtml(buildBilan(report), fr);
  assert.not.match(page, '<script');
  assert.match(page, '<span class="partner-name">&lt;script&gt;alert(&quot;bilan&quot;)&lt;/script&gt; &amp; Cie</span>');
  assert.match(page, '« &lt;script&gt;alert(2)&lt;/script&gt; »');

  // Rule files are user data too (--rules): their articles and titles reach the chart and headings.
  const base = await ca2cReport();
  const tricky: Report = {
    ...base,
    rules: base.rules.map((rule, index) =>
      index === 0 ? { ...rule, title: '"><svg onload=alert(1)>', source: { ...rule.source, article: '1</text><script>x</script>' } } : rule,
    ),
  };
  const escaped = formatBilanHtml(buildBilan(tricky), fr);
  assert.not.match(escaped, '<script');
  assert.not.match(escaped, '<svg onload');
  assert.match(escaped, '1&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;</text>');
  const svg = escaped.slice(escaped.indexOf('<svg'), escaped.indexOf('</svg>') + '</svg>'.length);
  assert.is(XMLValidator.validate(svg), true);
});

html('English, and deterministic', async () => {
  const page = formatBilanHtml(await fixtureBilan('en'), { lang: 'en' });
  assert.match(page, '<html lang="en">');
  assert.match(page, '<h1>Annual review of the « Mon Compte Partenaire » convention</h1>');
  assert.match(page, '<h3>For the Caf — supervisor</h3>');
  assert.is(page, formatBilanHtml(await fixtureBilan('en'), { lang: 'en' }));
});

html.run();
