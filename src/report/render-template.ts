import type { Lang } from '../rules/rule-types.js';
import { resolvePath } from '../facts/expressions.js';
import type { Scope } from '../facts/scope.js';
import { Duration } from 'luxon';
import { formatDate, isIsoDate } from '../util/dates.js';

/**
 * Fills a message template: `{record.scope_id}`, `{approvers}`, `{param.max}`,
 * `{late.due}`; `{a|b}` takes the first of `a`, `b` that has a value. `extra` holds
 * values computed after evaluation (`matched`, the labels of the conditions that held).
 */
export function renderTemplate(template: string, scope: Scope, lang: Lang, extra: Record<string, unknown> = {}): string {
  return template.replace(/\{([\w.|]+)\}/g, (_, expression: string) => {
    for (const path of expression.split('|')) {
      const value = Object.hasOwn(extra, path) ? extra[path] : resolvePath(path, scope);
      if (value !== undefined && value !== null && value !== '') return formatValue(value, lang);
    }
    return '—';
  });
}

const ISO_DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$/;

/** `PT10M` → « 10 minutes », `P1M` → « 1 mois »: durations in words, in the report's language. */
function humanDuration(text: string, lang: Lang): string {
  const duration = Duration.fromISO(text);
  if (!duration.isValid) return text;
  // Intl puts a no-break space between number and unit; plain text reads better in logs and CSV.
  return duration.reconfigure({ locale: lang }).toHuman({ listStyle: 'long' }).replace(/[\u00a0\u202f]/g, ' ');
}

/** How a value reads in a message: dates in the user's convention, lists joined. */
export function formatValue(value: unknown, lang: Lang): string {
  if (isIsoDate(value)) return formatDate(value, lang);
  if (typeof value === 'string' && ISO_DURATION.test(value)) return humanDuration(value, lang);
  if (Array.isArray(value)) return value.map((item) => formatValue(item, lang)).join(', ');
  if (typeof value === 'boolean') return lang === 'fr' ? (value ? 'oui' : 'non') : value ? 'yes' : 'no';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
