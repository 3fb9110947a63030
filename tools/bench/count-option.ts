/** A count given on the command line: digits, optionally grouped by `_` or `,` (`1_000_000`). */
export function parseCount(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const digits = text.replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`--${name} expects a whole number, not "${text}"`);
  return Number(digits);
}

/** A comma-separated list of counts (`1000000,3000000`); `_` may group digits. */
export function parseCountList(name: string, text: string): number[] {
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) throw new Error(`--${name} expects counts separated by commas`);
  return items.map((item) => parseCount(name, item));
}
