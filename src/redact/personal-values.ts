import type { Report } from '../report/report-types.js';
import { type PersonalKind, personalFields } from './personal-fields.js';

/**
 * Every personal value the report carries in a field known to hold one (see
 * {@link personalFields}): evidence records (users, contacts, traces), resolved findings of a
 * baseline, waivers' approvers. Keys are lower-cased so that `MARTIN` and `Martin` get one pseudonym.
 */
export function collectPersonalValues(report: Report): Map<string, PersonalKind> {
  const fields = personalFields();
  const values = new Map<string, PersonalKind>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const kind = fields.get(key);
      if (kind && typeof value === 'string' && value.trim() !== '') values.set(normalizePersonal(value), kind);
      else visit(value);
    }
  };
  visit(report.findings);
  visit(report.resolved ?? []);
  visit(report.notices ?? []);
  return values;
}

/** Whether a record or report field holds personal data. */
export function isPersonalField(key: string): boolean {
  return personalFields().has(key);
}

/** The form a personal value is compared and hashed in. */
export function normalizePersonal(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
