import { Duration } from 'luxon';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isPositive, lastDayCovered, latestStartBefore, nthPeriodAfter } from '../../src/deadlines/period-bounds.js';

const bounds = suite('period bounds (month ends clamp)');
const P = (text: string) => Duration.fromISO(text);

bounds('latestStartBefore: the last reception day whose notice runs out by the end', () => {
  // 2024-05-31 − P3M clamps to the leap day, and 2024-02-29 + P3M = 2024-05-29 is on time.
  assert.is(latestStartBefore('2024-05-31', P('P3M')), '2024-02-29');
  // 2024-06-30 − P3M = 2024-03-30, yet 2024-03-31 + P3M = 2024-06-30 is still on time.
  assert.is(latestStartBefore('2024-06-30', P('P3M')), '2024-03-31');
  assert.is(latestStartBefore('2025-05-10', P('P3M')), '2025-02-10');
  assert.is(latestStartBefore('2024-01-20', P('P10D')), '2024-01-10');
});

bounds('lastDayCovered: the last day whose one-period window still holds the event', () => {
  assert.is(lastDayCovered('2023-02-28', P('P1Y')), '2024-02-29');
  assert.is(lastDayCovered('2023-09-15', P('P1Y')), '2024-09-15');
  assert.is(lastDayCovered('2024-02-29', P('P1Y')), '2025-02-28');
  assert.is(lastDayCovered('2023-01-31', P('P1M')), '2023-02-28');
});

bounds('nthPeriodAfter counts from the start, so clamped month ends do not drift', () => {
  assert.is(nthPeriodAfter('2023-08-31', P('P1M'), 1), '2023-09-30');
  assert.is(nthPeriodAfter('2023-08-31', P('P1M'), 2), '2023-10-31');
  assert.is(nthPeriodAfter('2020-02-29', P('P1Y'), 4), '2024-02-29');
  assert.is(nthPeriodAfter('2020-02-29', P('P1Y'), 1), '2021-02-28');
});

bounds('a period that does not move a date is not positive', () => {
  assert.ok(isPositive(P('P1D')));
  assert.not.ok(isPositive(P('P0D')));
  assert.not.ok(isPositive(P('PT10M')));
});

bounds.run();
