import type { Lang } from '../i18n/lang.js';
import { fieldValue, resolvePath } from '../facts/expressions.js';
import type { Scope } from '../facts/scope.js';
import { Duration } from 'luxon';
import { formatDate, isIsoDate } from '../util/dates.js';

/** Fills a message template (`{record.scope_id}`, `{param.max}`; `{a|b}`: the first with a value); `extra` holds values computed after evaluation. */
export function renderTemplate(template: string, scope: Scope, lang: Lang, extra: Record<string, unknown> = {}): string {
  return fillTemplate(template, scope, lang, extra, undefined);
}

/** Words for coded values in messages (`administrator` → « administrateur »), by field. */
type ValueLabels = Readonly<Record<string, Readonly<Record<string, Readonly<Record<Lang, string>>>>>>;

/** A message for people: renderTemplate with coded values shown in words; subject ids keep the codes, as waivers and baselines match on them. */
export function renderMessage(template: string, scope: Scope, lang: Lang, extra: Record<string, unknown> = {}): string {
  return fillTemplate(template, scope, lang, extra, scope.context.data.value_labels as ValueLabels | undefined);
}

function fillTemplate(template: string, scope: Scope, lang: Lang, extra: Record<string, unknown>, valueLabels: ValueLabels | undefined): string {
  return template.replace(/\{([\w.|]+)\}/g, (_, expression: string) => {
    for (const path of expression.split('|')) {
      const value = Object.hasOwn(extra, path) ? extra[path] : ownValue(path, scope);
      if (value === undefined || value === null || value === '') continue;
      const label = typeof value === 'string' ? valueLabels?.[path.slice(path.lastIndexOf('.') + 1)]?.[value]?.[lang] : undefined;
      return label ?? formatValue(value, lang);
    }
    return '—';
  });
}

/** Roots every scope has; any other is a fact, a shared fact or a partner.yaml key (src/facts/expressions.ts). */
const SCOPE_ROOTS = new Set(['as_of', 'param', 'params', 'record', 'subject', 'data', 'row']);

/** The value at a path through own properties only (`{constructor}` names nothing); `X_date` is derived from the field X. */
function ownValue(path: string, scope: Scope): unknown {
  const [root, ...keys] = path.split('.');
  const { facts, context } = scope;
  if (!SCOPE_ROOTS.has(root) && !Object.hasOwn(facts, root) && !Object.hasOwn(context.sharedFacts, root) && !Object.hasOwn(context.snapshot.partner.data, root)) return undefined;
  let current = resolvePath(root, scope);
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key) && !key.endsWith('_date')) return undefined;
    current = fieldValue(current as Record<string, unknown>, key);
  }
  return current;
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
