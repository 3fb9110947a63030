/** A control character a terminal or a bidi-aware viewer would act on; LF, vigie's own line end, excepted. */
export const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** The raw controls of a text, by code point, for an assertion message. */
export function rawControls(text: string): string[] {
  return [...text].filter((character) => RAW_CONTROL.test(character)).map((character) => `U+${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
