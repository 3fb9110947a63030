import type { Severity } from '../rules/rule-types.js';

const COLORS: Record<Severity, string> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** A severity's Ink colour, or none under NO_COLOR, which chalk ignores, so the view decides. */
export function severityColor(severity: Severity, color: boolean): string | undefined {
  return color ? COLORS[severity] : undefined;
}
