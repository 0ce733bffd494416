/** What a computation needs to know about the spreadsheet it runs for. */
export interface SheetContext {
  /** Spreadsheet locale, e.g. "fr_FR" or "en_US". */
  readonly locale: string;
  /** IANA time zone of the spreadsheet, e.g. "Europe/Paris". */
  readonly timeZone: string;
}

export type DecimalSeparator = '.' | ',';

/** Contract rule 6: "." for en* locales, "," for every other locale. */
export function decimalSeparatorOf(locale: string): DecimalSeparator {
  return /^en/i.test(locale) ? '.' : ',';
}

/** The language the add-on speaks in a spreadsheet: French for fr* locales. */
export type Language = 'en' | 'fr';
export function languageOf(locale: string): Language {
  return /^fr/i.test(locale) ? 'fr' : 'en';
}

/** Contract rule 7: month-first text dates only in en_US. */
export function isMonthFirst(locale: string): boolean {
  return /^en[_-]US$/i.test(locale);
}
