import type { Lang } from '../rules/rule-types.js';
import { resolvePath } from '../facts/expressions.js';
import type { Scope } from '../facts/scope.js';
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

/** How a value reads in a message: dates in the user's convention, lists joined. */
export function formatValue(value: unknown, lang: Lang): string {
  if (isIsoDate(value)) return formatDate(value, lang);
  if (Array.isArray(value)) return value.map((item) => formatValue(item, lang)).join(', ');
  if (typeof value === 'boolean') return lang === 'fr' ? (value ? 'oui' : 'non') : value ? 'yes' : 'no';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
