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
