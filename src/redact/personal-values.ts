import type { Report } from '../report/report-types.js';

/** What a personal value is, which decides the shape of its pseudonym. */
export type PersonalKind = 'name' | 'email';

/** Record fields (snapshot columns, partner keys) and report fields that hold a person's name or e-mail. */
const PERSONAL_FIELDS: Readonly<Record<string, PersonalKind>> = {
  last_name: 'name',
  first_name: 'name',
  email: 'email',
  approved_by: 'name',
  approvedBy: 'name',
};

/** Every name and e-mail in the report's known fields; keys lower-cased so `MARTIN` is `Martin`. */
export function collectPersonalValues(report: Report): Map<string, PersonalKind> {
  const values = new Map<string, PersonalKind>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const kind = PERSONAL_FIELDS[key];
      if (kind && typeof value === 'string' && value.trim() !== '') values.set(normalizePersonal(value), kind);
      else visit(value);
    }
  };
  visit(report.findings);
  visit(report.resolved ?? []);
  visit(report.notices ?? []);
  return values;
}

/** Whether a record or report field holds a name or an e-mail. */
export function isPersonalField(key: string): boolean {
  return Object.hasOwn(PERSONAL_FIELDS, key);
}

/** The form a personal value is compared and hashed in. */
export function normalizePersonal(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
