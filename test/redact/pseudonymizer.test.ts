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

pseudonymizer('any IPv4 or IPv6 address is replaced, known or not; times, versions and dates are left alone', () => {
  const redact = createPseudonymizer(KEY, new Map(), 'fr');
  const text = redact('Connexions depuis 10.20.1.15, 203.0.113.45 et [2001:db8::7]:443 ; fe80::1%eth0, ::ffff:192.0.2.1.');
  assert.match(text, /^Connexions depuis ip-[0-9a-f]{8}, ip-[0-9a-f]{8} et \[ip-[0-9a-f]{8}\]:443 ; ip-[0-9a-f]{8}%eth0, ip-[0-9a-f]{8}\.$/);
  const kept = 'À 10:47:00 le 02/01/2024, version 1.2.3.4.5, 300.1.1.1, cote 12.5, a :: b, Note: ok, café:bébé:dead.';
  assert.is(redact(kept), kept);
  assert.is(redact('10.20.1.15'), redact.whole('10.20.1.15'), 'one address, one pseudonym');
  assert.is.not(redact.whole('10.20.1.15'), redact.whole('10.20.1.16'));
});

pseudonymizer('one IPv6 address however written, one phone number however spaced, one pseudonym', () => {
  const redact = createPseudonymizer(KEY, new Map([['03 27 00 00 00', 'phone'], ['03.27.00.00.00', 'phone'], ['pc-accueil-03', 'ip']]), 'en');
  assert.is(redact.whole('2001:DB8:0:0::1'), redact.whole('2001:db8::1'));
  assert.match(redact.whole('03 27 00 00 00'), /^tel-[0-9a-f]{8}$/);
  assert.is(redact.whole('03 27 00 00 00'), redact.whole('03.27.00.00.00'));
  assert.match(redact('Call 03 27 00 00 00 from PC-ACCUEIL-03'), /^Call tel-[0-9a-f]{8} from ip-[0-9a-f]{8}$/);
});

pseudonymizer.run();
