import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkInteger, checkNumber, parseBoolean, parseDate, parseInteger, parseNumber, parseTimestamp, ValueFailure } from '../../src/snapshot/parse-values.js';

const codeOf = (value: unknown) => (value instanceof ValueFailure ? value.code : 'ok');

const dates = suite('parseDate');

dates('reads ISO and French dates to ISO', () => {
  assert.is(parseDate('2024-01-15'), '2024-01-15');
  assert.is(parseDate('15/01/2024'), '2024-01-15');
  assert.is(parseDate('5/1/2024'), '2024-01-05');
  assert.is(parseDate('29/02/2024'), '2024-02-29');
  assert.is(parseDate('15/01/2024 00:00:00'), '2024-01-15');
});

dates('rejects impossible dates', () => {
  for (const text of ['31/02/2024', '2024-13-01', '29/02/2023', '2024-00-10', '15-01-2024', '2024/01/15', '15/01/2024 10:30', 'hier']) {
    assert.is(codeOf(parseDate(text)), 'invalid-date', text);
  }
});

dates.run();

const timestamps = suite('parseTimestamp');

timestamps('reads Paris wall-clock time in winter and summer', () => {
  assert.is(parseTimestamp('15/01/2024 14:05'), Date.UTC(2024, 0, 15, 13, 5));
  assert.is(parseTimestamp('2024-01-15T14:05'), Date.UTC(2024, 0, 15, 13, 5));
  assert.is(parseTimestamp('01/06/2024 10:00:30'), Date.UTC(2024, 5, 1, 8, 0, 30));
  assert.is(parseTimestamp('2024-06-01 10:00:00.250'), Date.UTC(2024, 5, 1, 8, 0, 0, 250));
});

timestamps('honours an explicit offset or Z', () => {
  assert.is(parseTimestamp('2024-06-01T10:00:00+02:00'), Date.UTC(2024, 5, 1, 8));
  assert.is(parseTimestamp('2024-06-01T10:00:00Z'), Date.UTC(2024, 5, 1, 10));
  assert.is(parseTimestamp('2024-06-01T10:00:00-0500'), Date.UTC(2024, 5, 1, 15));
});

timestamps('a time in the spring gap does not exist', () => {
  assert.is(codeOf(parseTimestamp('2024-03-31T02:30')), 'nonexistent-local-time');
  assert.is(codeOf(parseTimestamp('31/03/2024 02:00')), 'nonexistent-local-time');
  assert.is(parseTimestamp('2024-03-31T03:00'), Date.UTC(2024, 2, 31, 1));
  // With an explicit offset the instant is unambiguous.
  assert.is(parseTimestamp('2024-03-31T02:30:00+01:00'), Date.UTC(2024, 2, 31, 1, 30));
});

timestamps('the repeated autumn hour takes its first occurrence (summer time)', () => {
  assert.is(parseTimestamp('2024-10-27 02:30'), Date.UTC(2024, 9, 27, 0, 30));
  assert.is(parseTimestamp('27/10/2024 02:30'), Date.UTC(2024, 9, 27, 0, 30));
  assert.is(parseTimestamp('2024-10-27T03:30'), Date.UTC(2024, 9, 27, 2, 30));
});

timestamps('rejects malformed or impossible timestamps', () => {
  for (const text of ['2024-02-30T10:00', '2024-01-15T24:00', '15/01/2024 14h65', 'now', '2024-01-15T14:05+25']) {
    assert.not.equal(codeOf(parseTimestamp(text)), 'ok', text);
  }
  assert.is(codeOf(parseTimestamp('2024-02-30T10:00')), 'invalid-timestamp');
});

timestamps.run();

const scalars = suite('parseBoolean and parseNumber');

scalars('reads every boolean spelling of the snapshot format', () => {
  for (const text of ['true', 'TRUE', 'yes', 'Oui', '1', 'x', 'X', 'VRAI']) assert.is(parseBoolean(text), true, text);
  for (const text of ['false', 'No', 'non', 'NON', '0', 'FAUX']) assert.is(parseBoolean(text), false, text);
  assert.is(codeOf(parseBoolean('peut-être')), 'invalid-boolean');
});

scalars('reads numbers, French forms included', () => {
  assert.is(parseNumber('50'), 50);
  assert.is(parseNumber('1 234,5'), 1234.5);
  assert.is(codeOf(parseNumber('50 users')), 'invalid-number');
  // Hundreds of digits would be Infinity.
  assert.is(codeOf(parseNumber('9'.repeat(400))), 'invalid-number');
});

scalars('integers are whole, finite and exact: 1.5, 1e26, Infinity and 2^53 are refused', () => {
  assert.is(parseInteger('50'), 50);
  assert.is(parseInteger('1 200'), 1200);
  assert.is(parseInteger(String(Number.MAX_SAFE_INTEGER)), Number.MAX_SAFE_INTEGER);
  for (const text of ['1.5', '12,5', '1e26', '9007199254740992', '9'.repeat(400), '.inf', 'cinquante']) assert.is(codeOf(parseInteger(text)), 'invalid-integer', text);
  assert.is(checkInteger(50), 50);
  for (const value of [1.5, 1e26, Infinity, -Infinity, Number.NaN]) assert.is(codeOf(checkInteger(value)), 'invalid-integer', String(value));
  assert.is(checkNumber(2.5), 2.5);
  for (const value of [Infinity, Number.NaN]) assert.is(codeOf(checkNumber(value)), 'invalid-number', String(value));
});

scalars.run();
