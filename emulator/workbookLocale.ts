import { detectDelimiter } from './csv';

/**
 * The spreadsheet settings a folder of CSV files suggests when none are given, for the
 * headless summary and the playground: `;`-separated files come from a decimal-comma
 * (French) export, and a locale's country gives the time zone.
 */
export function localeOfCsv(text: string): 'fr_FR' | 'en_US' {
  return detectDelimiter(text) === ';' ? 'fr_FR' : 'en_US';
}

const ZONES: Record<string, string> = {
  fr_FR: 'Europe/Paris',
  fr_BE: 'Europe/Brussels',
  fr_CH: 'Europe/Zurich',
  fr_CA: 'America/Toronto',
  en_US: 'America/New_York',
  en_GB: 'Europe/London',
  en_IE: 'Europe/Dublin',
  en_CA: 'America/Toronto',
  en_AU: 'Australia/Sydney',
  de_DE: 'Europe/Berlin',
  de_CH: 'Europe/Zurich',
  es_ES: 'Europe/Madrid',
  it_IT: 'Europe/Rome',
  nl_NL: 'Europe/Amsterdam',
  pt_PT: 'Europe/Lisbon',
};

/** Time zone of a locale's country; Paris for other French locales, else UTC. */
export function defaultTimeZone(locale: string): string {
  if (Object.hasOwn(ZONES, locale)) return ZONES[locale];
  return /^fr/i.test(locale) ? 'Europe/Paris' : 'UTC';
}

/**
 * A locale written as Sheets names them (`fr_FR`, `es_419`, or a bare language such as
 * `fr`) whose language, and region if given, exist.
 */
export function isLocaleName(locale: string): boolean {
  const match = /^([a-z]{2,3})(?:_([A-Z]{2}|\d{3}))?$/.exec(locale);
  if (!match) return false;
  const [, language, country] = match;
  if (Intl.NumberFormat.supportedLocalesOf([language]).length === 0) return false;
  if (!country) return true;
  const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  return regions.of(country) !== undefined;
}
