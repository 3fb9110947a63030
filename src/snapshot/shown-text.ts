/** How much of a row an error shows as its value: enough to recognise it. */
export const SHOWN_LENGTH = 80;

/** A text cut to what an error shows of it, `…` marking the cut. */
export function shownText(text: string): string {
  return text.length <= SHOWN_LENGTH ? text : `${text.slice(0, SHOWN_LENGTH)}…`;
}
