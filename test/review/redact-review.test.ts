import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { redactReview } from '../../src/review/redact-review.js';
import { reviewOf } from './review-fixture.js';

const redact = suite('review: --redact');

redact('names become pseudonyms; an IP address or e-mail in a function is replaced too; user IDs stay', async () => {
  const review = await reviewOf();
  const [first, ...rest] = review.rows;
  assert.ok(first?.lastName, 'the fixture names its users');
  const hostile = { ...review, rows: [{ ...first, function: 'Poste 10.59.2.12, écrire à x.y@exemple.fr' }, ...rest] };
  const redacted = redactReview(hostile, Buffer.from('k'), 'fr');
  const row = redacted.rows[0];
  assert.is(row?.userId, first.userId);
  assert.match(row?.lastName ?? '', /^Personne-[0-9a-f]{8}$/);
  assert.match(row?.function ?? '', /^Poste ip-[0-9a-f]{8}, écrire à anon-[0-9a-f]{8}@redacted\.invalid$/);
});

redact.run();
