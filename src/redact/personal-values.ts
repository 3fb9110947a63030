import type { Report } from '../report/report-types.js';
import { type PersonalKind, personalFields } from './personal-fields.js';

/** Every personal value in the report's fields marked personal ({@link personalFields}); keys lower-cased so `MARTIN` is `Martin`. */
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
