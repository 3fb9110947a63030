import type { Severity } from '../rules/rule-types.js';

const COLORS: Record<Severity, string> = { error: 'red', warning: 'yellow', info: 'cyan' };

/**
 * Ink colour of a severity, or none under NO_COLOR: the symbols of `SEVERITY_SYMBOL` carry
 * the severity then. Chalk ignores NO_COLOR, so the view decides.
 */
export function severityColor(severity: Severity, color: boolean): string | undefined {
  return color ? COLORS[severity] : undefined;
}
