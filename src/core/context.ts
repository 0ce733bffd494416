import type { DateOrder, DecimalSeparator } from './locales';
import { localeFormat } from './locales';

export type { DateOrder, DecimalSeparator } from './locales';

/** What a computation needs to know about the spreadsheet it runs for. */
export interface SheetContext {
  /** Spreadsheet locale, e.g. "fr_FR", "en_US" or a bare "fr". */
  readonly locale: string;
  /** IANA time zone of the spreadsheet, e.g. "Europe/Paris". */
  readonly timeZone: string;
}

/** Contract rule 6: the locale's decimal separator, from the locale table. */
export function decimalSeparatorOf(locale: string): DecimalSeparator {
  return localeFormat(locale).decimal;
}

/** Contract rule 7: how the locale reads a date typed with numbers only. */
export function dateOrderOf(locale: string): DateOrder {
  return localeFormat(locale).dateOrder;
}

/** The language the add-on speaks in a spreadsheet: French for fr* locales. */
export type Language = 'en' | 'fr';
export function languageOf(locale: string): Language {
  return /^fr(?:$|[_-])/i.test(typeof locale === 'string' ? locale.trim() : '') ? 'fr' : 'en';
}

/** Contract rule 7: true where dates are written month first (en_US). */
export function isMonthFirst(locale: string): boolean {
  return dateOrderOf(locale) === 'mdy';
}
