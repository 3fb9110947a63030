import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { subjectText, subjectWords } from '../../src/report/labels.js';
import { formatNames, render } from '../../src/format/registry.js';
import { buildBilan } from '../../src/bilan/build-bilan.js';
import { formatBilanMarkdown } from '../../src/format/bilan/format-bilan-markdown.js';
import { formatBilanHtml } from '../../src/format/bilan/format-bilan-html.js';
import { ca2cReport } from '../format/ca2c-report.js';

const words = suite('report words: subjects in the reader’s language');

words('a subject reads in words, its kind first; the id keeps its codes', () => {
  const contact = { type: 'contact', id: 'deputy_administrator a@b.fr', label: { fr: 'administrateur suppléant a@b.fr', en: 'deputy administrator a@b.fr' } };
  assert.is(subjectText(contact, 'fr'), 'interlocuteur administrateur suppléant a@b.fr');
  assert.is(subjectText(contact, 'en'), 'contact deputy administrator a@b.fr');
  assert.is(subjectWords(contact, 'fr'), 'administrateur suppléant a@b.fr');
  // Without codes in it, the id is its own wording.
  assert.is(subjectText({ type: 'user', id: 'U004' }, 'fr'), 'utilisateur U004');
});

words('every French output of the CA2C check and bilan names the contacts in French: no role code in a subject', async () => {
  const report = await ca2cReport();
  const contacts = report.findings.filter((finding) => finding.subject.type === 'contact');
  assert.ok(contacts.length >= 2);
  const outputs: [string, string][] = formatNames('check').map((format) => [format, render('check', format, report, { lang: 'fr' })]);
  outputs.push(['bilan markdown', formatBilanMarkdown(buildBilan(report), { lang: 'fr' })], ['bilan html', formatBilanHtml(buildBilan(report), { lang: 'fr' })]);
  for (const [format, output] of outputs) {
    const shown = format === 'json' ? output : output.replace(/&#39;|&apos;/g, "'").replace(/\\_/g, '_');
    if (format === 'json') {
      assert.match(shown, '"fr": "administrateur chuygen@caudresis-catesis.fr"', format);
      continue;
    }
    assert.match(shown, 'interlocuteur administrateur chuygen@caudresis-catesis.fr', format);
    assert.match(shown, "interlocuteur responsable d'habilitation chuygen@caudresis-catesis.fr", format);
    assert.not.match(shown, 'interlocuteur administrator', format);
    // SARIF, like JSON, also carries the subject object, whose id keeps the codes.
    if (format !== 'sarif') assert.not.match(shown, 'habilitation_manager chuygen', format);
  }
  const english = render('check', 'text', await ca2cReport('en'), { lang: 'en' });
  assert.match(english, 'contact habilitation manager chuygen@caudresis-catesis.fr');
});

words.run();
