import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createPseudonymizer } from '../../src/redact/pseudonymizer.js';

const pseudonymizer = suite('redact: pseudonyms in free text');
const KEY = Buffer.from('k');

pseudonymizer('known names are replaced as whole words, in any case; others are left alone', () => {
  const redact = createPseudonymizer(KEY, new Map([['martin', 'name'], ['jean-paul', 'name'], ['de la tour', 'name']]), 'en');
  const text = redact('MARTIN, Martin and martin; MARTINEZ stays; Jean-Paul DE  LA TOUR left.');
  const [pseudonym] = text.match(/Person-[0-9a-f]{8}/) ?? [];
  assert.ok(pseudonym);
  assert.is(text.split(pseudonym as string).length - 1, 3, text);
  assert.match(text, 'MARTINEZ stays');
  assert.match(text, /^Person-\w+, Person-\w+ and Person-\w+; MARTINEZ stays; Person-[0-9a-f]{8} Person-[0-9a-f]{8} left\.$/);
});

pseudonymizer('any e-mail address is replaced, known or not, as a whole', () => {
  const redact = createPseudonymizer(KEY, new Map([['lucie', 'name']]), 'fr');
  const text = redact('Écrire à lucie.garnier@conseil-nord.example ou Lucie (a.b+c@d.fr).');
  assert.match(text, /^Écrire à anon-[0-9a-f]{8}@redacted\.invalid ou Personne-[0-9a-f]{8} \(anon-[0-9a-f]{8}@redacted\.invalid\)\.$/);
  assert.is(redact.whole('X'), createPseudonymizer(KEY, new Map(), 'fr').whole('x'), 'case does not change the pseudonym');
});

pseudonymizer.run();
