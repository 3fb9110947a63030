import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AS_OF_TOLERANCE_DAYS, asOfBeyondExport, daysBetween } from '../../src/util/as-of.js';

const asOf = suite('as-of date against the export');

asOf('more than a week after extracted_on is beyond the export; a week is still within it', () => {
  assert.is(AS_OF_TOLERANCE_DAYS, 7);
  assert.is(asOfBeyondExport('2024-07-07', '2024-06-30'), false);
  assert.is(asOfBeyondExport('2024-07-08', '2024-06-30'), true);
  assert.is(asOfBeyondExport('2024-06-30', '2024-06-30'), false);
  assert.is(asOfBeyondExport('2024-01-01', '2024-06-30'), false, 'before the export is not beyond it');
});

asOf('without a date of export there is nothing to compare', () => {
  assert.is(asOfBeyondExport('2030-01-01', undefined), false);
  assert.is(asOfBeyondExport('2030-01-01', 'juin 2024'), false);
});

asOf('calendar days, across a clock change and a leap day', () => {
  assert.is(daysBetween('2024-06-30', '2026-01-01'), 550);
  assert.is(daysBetween('2024-02-28', '2024-03-01'), 2);
  assert.is(daysBetween('2024-03-31', '2024-03-30'), -1);
});

asOf.run();
