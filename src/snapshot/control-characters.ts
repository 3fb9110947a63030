import { shownText } from './shown-text.js';
import type { InputError } from './snapshot-types.js';

/** C0 controls but tab, LF and CR; DEL; C1 controls: never data in an export, and they change ids unseen. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The index of the first control character of a text (see {@link CONTROL}), or -1. */
export function controlIndex(text: string): number {
  return text.search(CONTROL);
}

/** The index of the first cell holding a control character, or -1. */
export function controlCell(cells: readonly string[]): number {
  for (let index = 0; index < cells.length; index++) if (CONTROL.test(cells[index])) return index;
  return -1;
}

/** `U+0000` for a character: the code shown with a control character's error. */
export function codePointName(text: string, index: number): string {
  return `U+${(text.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The error of a record holding a control character (cells are checked only when the text holds one), or undefined. */
export function controlError(cells: readonly string[], line: number, file: string, header: readonly { readonly header: string }[] | undefined): InputError | undefined {
  const index = controlCell(cells);
  if (index === -1) return undefined;
  const cell = cells[index];
  // The value is shown with its controls made visible by the error display.
  return { file, line, column: index + 1, code: 'control-character', value: shownText(cell), params: { column: header?.[index]?.header ?? cell, character: codePointName(cell, controlIndex(cell)) } };
}
