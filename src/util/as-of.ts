import { DateTime } from 'luxon';
import { isIsoDate, todayInParis } from './dates.js';

/** Reads `--as-of` (`YYYY-MM-DD` or `DD/MM/YYYY`); undefined when it is not a real date. */
export function parseAsOf(text: string): string | undefined {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : text;
  if (!isIsoDate(iso)) return undefined;
  return DateTime.fromISO(iso, { zone: 'UTC' }).isValid ? iso : undefined;
}

/** D: `--as-of`, else the snapshot's `extracted_on`, else today in Europe/Paris. */
export function chooseAsOf(option: string | undefined, extractedOn: unknown): string {
  return option ?? (isIsoDate(extractedOn) ? extractedOn : todayInParis());
}

/** How far, in days, D may be after the export's `extracted_on` before the traces are too stale to judge. */
export const AS_OF_TOLERANCE_DAYS = 7;

/** Calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/**
 * Whether D is more than {@link AS_OF_TOLERANCE_DAYS} after the export: what happened between the
 * export and D is not in the data. False when `extracted_on` is not a date (nothing to compare).
 */
export function asOfBeyondExport(asOf: string, extractedOn: unknown): extractedOn is string {
  return isIsoDate(extractedOn) && daysBetween(extractedOn, asOf) > AS_OF_TOLERANCE_DAYS;
}
