import { dateOrderOf } from '../core/context';
import type { KpiUnit } from '../report/model';

/**
 * Number formats of the summary tabs, chosen from the spreadsheet locale: the values stay
 * numbers (sortable, chartable, usable in formulas) and only their display changes.
 */

/** What getNumberFormat() returns for a cell whose format was never set. */
export const PLAIN_FORMAT = '0.###############';
/** Plain text: what a text cell of the summary carries. */
export const TEXT_FORMAT = '@';

export const PERCENT_FORMAT = '0.0%';
export const COUNT_FORMAT = '#,##0';
export const DAYS_FORMAT = '0.0';
export const SCORE_FORMAT = '0.0';
export const RATIO_FORMAT = '0.00';
/** A relative change, signed: "+12.5%". */
export const CHANGE_FORMAT = '+0.0%;-0.0%;0.0%';
/** A change of a rate, in percentage points (the value is points, e.g. 2.5). */
export const POINTS_FORMAT = '+0.0" pts";-0.0" pts";0.0" pts"';

/** Currency symbol and whether it goes before the number (en_US: $1,234.00). */
interface Currency {
  readonly symbol: string;
  readonly before: boolean;
  readonly decimals: number;
}

const EURO_AFTER: Currency = { symbol: '€', before: false, decimals: 2 };

/** By full locale first, then by country, then by language. */
const BY_LOCALE: Readonly<Record<string, Currency>> = {
  en_US: { symbol: '$', before: true, decimals: 2 },
  en_GB: { symbol: '£', before: true, decimals: 2 },
  en_IE: { symbol: '€', before: true, decimals: 2 },
  en_CA: { symbol: '$', before: true, decimals: 2 },
  fr_CA: { symbol: '$', before: false, decimals: 2 },
  en_AU: { symbol: '$', before: true, decimals: 2 },
  en_NZ: { symbol: '$', before: true, decimals: 2 },
  en_IN: { symbol: '₹', before: true, decimals: 2 },
  en_ZA: { symbol: 'R', before: true, decimals: 2 },
  en_SG: { symbol: '$', before: true, decimals: 2 },
  fr_CH: { symbol: 'CHF', before: false, decimals: 2 },
  de_CH: { symbol: 'CHF', before: true, decimals: 2 },
  it_CH: { symbol: 'CHF', before: true, decimals: 2 },
  nl_NL: { symbol: '€', before: true, decimals: 2 },
  ja_JP: { symbol: '¥', before: true, decimals: 0 },
  zh_CN: { symbol: '¥', before: true, decimals: 2 },
  ko_KR: { symbol: '₩', before: true, decimals: 0 },
  pt_BR: { symbol: 'R$', before: true, decimals: 2 },
  es_MX: { symbol: '$', before: true, decimals: 2 },
  pl_PL: { symbol: 'zł', before: false, decimals: 2 },
  sv_SE: { symbol: 'kr', before: false, decimals: 2 },
  da_DK: { symbol: 'kr.', before: false, decimals: 2 },
  nb_NO: { symbol: 'kr', before: false, decimals: 2 },
  no_NO: { symbol: 'kr', before: false, decimals: 2 },
  cs_CZ: { symbol: 'Kč', before: false, decimals: 2 },
  hu_HU: { symbol: 'Ft', before: false, decimals: 0 },
  tr_TR: { symbol: '₺', before: true, decimals: 2 },
};

/** Euro-area countries (ISO 3166 codes as they appear after the underscore). */
const EURO_COUNTRIES = new Set([
  'FR',
  'BE',
  'LU',
  'MC',
  'DE',
  'AT',
  'ES',
  'IT',
  'PT',
  'NL',
  'FI',
  'IE',
  'GR',
  'SK',
  'SI',
  'EE',
  'LV',
  'LT',
  'MT',
  'CY',
  'HR',
]);

function currencyOf(locale: string): Currency | null {
  const normalized = locale.replace('-', '_');
  const exact = Object.prototype.hasOwnProperty.call(BY_LOCALE, normalized)
    ? BY_LOCALE[normalized]
    : undefined;
  if (exact) return exact;
  const [language, country] = normalized.split('_');
  if (country && EURO_COUNTRIES.has(country.toUpperCase())) return EURO_AFTER;
  if (!country && /^(fr|de|es|it|pt|nl|fi|el|sk|sl|et|lv|lt)$/i.test(language)) return EURO_AFTER;
  return null;
}

/**
 * The money format of a locale: `#,##0.00 [$€]` in France, `[$$]#,##0.00` in the US,
 * `[$£]#,##0.00` in the UK; grouped with two decimals and no symbol where the currency
 * is not known. Negative amounts (credit notes) show with a minus sign.
 */
export function moneyFormat(locale: string): string {
  const currency = currencyOf(locale);
  const digits = currency && currency.decimals === 0 ? '#,##0' : '#,##0.00';
  if (!currency) return digits;
  return currency.before ? `[$${currency.symbol}]${digits}` : `${digits} [$${currency.symbol}]`;
}

/**
 * The money format of a chart axis (Google Charts' ICU pattern, not a Sheets format):
 * `$#,##0` in the US, `#,##0 €` in France; grouped digits where the currency is not known.
 */
export function chartMoneyFormat(locale: string): string {
  const currency = currencyOf(locale);
  if (!currency) return '#,##0';
  // A symbol with a pattern character in it (kr.) is quoted.
  const symbol = /^[^#0.,;%'E+-]+$/.test(currency.symbol)
    ? currency.symbol
    : `'${currency.symbol}'`;
  return currency.before ? `${symbol}#,##0` : `#,##0 ${symbol}`;
}

/**
 * A day in the locale's date order (the locale table): `m/d/yyyy` in the US, `yyyy-mm-dd`
 * where the year comes first (ja, zh, ko…), `dd.mm.yyyy` or `dd/mm/yyyy` elsewhere.
 */
export function dateFormat(locale: string): string {
  const order = dateOrderOf(locale);
  if (order === 'mdy') return 'm/d/yyyy';
  if (order === 'ymd') return 'yyyy-mm-dd';
  if (/^de|^ru|^pl|^cs|^fi|^nb|^no|^da|^tr/i.test(locale)) return 'dd.mm.yyyy';
  return 'dd/mm/yyyy';
}

/** A day and time, for "generated at". */
export function dateTimeFormat(locale: string): string {
  return `${dateFormat(locale)} hh:mm`;
}

/** A month, as the period row and the tables name it: "octobre 2026" / "October 2026". */
export const MONTH_FORMAT = 'mmmm yyyy';

/** The format of a KPI value of `unit`. */
export function unitFormat(unit: KpiUnit, locale: string): string {
  switch (unit) {
    case 'percent':
      return PERCENT_FORMAT;
    case 'money':
      return moneyFormat(locale);
    case 'count':
      return COUNT_FORMAT;
    case 'days':
      return DAYS_FORMAT;
    case 'score':
      return SCORE_FORMAT;
    case 'ratio':
      return RATIO_FORMAT;
  }
}

/**
 * The change column: relative change for most KPIs, but percentage points for rates (a
 * win rate going from 20% to 25% is "+5.0 pts", not "+25%").
 */
export function changeFormat(unit: KpiUnit): string {
  return unit === 'percent' ? POINTS_FORMAT : CHANGE_FORMAT;
}
