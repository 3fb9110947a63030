/** The languages of vigie's user-facing texts: French by default, English on request. */
export type Lang = 'fr' | 'en';

/** A user-facing text in both languages. */
export interface Localized {
  readonly fr: string;
  readonly en: string;
}
