import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDate, parseDuration, shiftDate } from '../../src/util/dates.js';

const dates = suite('dates');

dates('calendar months clamp to the last day of the month', () => {
  assert.is(shiftDate('2023-08-31', parseDuration('P1M')!), '2023-09-30');
  assert.is(shiftDate('2024-01-31', parseDuration('P1M')!), '2024-02-29');
  assert.is(shiftDate('2023-01-31', parseDuration('P1M')!), '2023-02-28');
  assert.is(shiftDate('2024-02-29', parseDuration('P1Y')!), '2025-02-28');
});

dates('days, weeks and subtraction', () => {
  assert.is(shiftDate('2024-03-25', parseDuration('P10D')!), '2024-04-04');
  assert.is(shiftDate('2024-03-31', parseDuration('P6M')!, -1), '2023-09-30');
  assert.is(shiftDate('2024-10-27', parseDuration('P1D')!), '2024-10-28');
});

dates('invalid durations are rejected', () => {
  assert.is(parseDuration('10 days'), undefined);
  assert.is(parseDuration(12), undefined);
});

dates('French display', () => {
  assert.is(formatDate('2024-06-30', 'fr'), '30/06/2024');
  assert.is(formatDate('2024-06-30', 'en'), '2024-06-30');
});

dates.run();
