/**
 * How a spreadsheet locale writes numbers and dates, as Sheets writes and reads them.
 * One table for the whole add-on: the formulas, the summary's readers, the writer's
 * number formats and the emulator all decide through `localeFormat`.
 *
 * `getSpreadsheetLocale()` answers `fr_FR`, `de_CH`, `zh_TW`… or a bare language such as
 * `fr` or `en`. A locale is looked up whole first (`de_ch`), then by its language (`de`);
 * an unknown language gets the most common convention (decimal comma, day first).
 * Sources: the locale list of File → Settings in Sheets and the CLDR data behind `Intl`
 * (a test compares this table with `Intl` and lists where Sheets differs).
 */

export type DecimalSeparator = '.' | ',';

/** The order of day, month and year in a date typed as numbers (`01/02/2024`). */
export type DateOrder = 'mdy' | 'dmy' | 'ymd';

export interface LocaleFormat {
  /** The decimal separator. */
  readonly decimal: DecimalSeparator;
  /** The thousands separator Sheets writes (reading also accepts `'`, `’` and spaces). */
  readonly group: string;
  /** How a date typed with numbers only is read. */
  readonly dateOrder: DateOrder;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const POINT: LocaleFormat = { decimal: '.', group: ',', dateOrder: 'dmy' };
const COMMA_DOT: LocaleFormat = { decimal: ',', group: '.', dateOrder: 'dmy' };
const COMMA_SPACE: LocaleFormat = { decimal: ',', group: NBSP, dateOrder: 'dmy' };
const POINT_YMD: LocaleFormat = { ...POINT, dateOrder: 'ymd' };
const SWISS: LocaleFormat = { decimal: '.', group: "'", dateOrder: 'dmy' };

/** By language (ISO 639, as Sheets spells it: `iw` and `he`, `in` and `id`, `no` and `nb`). */
const LANGUAGES: ReadonlyMap<string, LocaleFormat> = new Map<string, LocaleFormat>([
  // Decimal point.
  ['en', POINT],
  ['ja', POINT_YMD],
  ['zh', POINT_YMD],
  ['ko', POINT_YMD],
  ['mn', POINT_YMD],
  ['th', POINT],
  ['he', POINT],
  ['iw', POINT],
  ['ar', POINT],
  ['fa', POINT],
  ['ur', POINT],
  ['hi', POINT],
  ['bn', POINT],
  ['gu', POINT],
  ['kn', POINT],
  ['ml', POINT],
  ['mr', POINT],
  ['pa', POINT],
  ['ta', POINT],
  ['te', POINT],
  ['ne', POINT],
  ['si', POINT],
  ['my', POINT],
  ['km', POINT],
  ['ms', POINT],
  ['fil', { ...POINT, dateOrder: 'mdy' }],
  ['tl', { ...POINT, dateOrder: 'mdy' }],
  ['cy', POINT],
  ['ga', POINT],
  ['mt', POINT],
  ['sw', POINT],
  ['am', POINT],
  ['zu', POINT],
  // Decimal comma, "." between thousands.
  ['de', COMMA_DOT],
  ['es', COMMA_DOT],
  ['it', COMMA_DOT],
  ['pt', COMMA_DOT],
  ['nl', COMMA_DOT],
  ['da', COMMA_DOT],
  ['el', COMMA_DOT],
  ['id', COMMA_DOT],
  ['in', COMMA_DOT],
  ['tr', COMMA_DOT],
  ['ro', COMMA_DOT],
  ['hr', COMMA_DOT],
  ['sr', COMMA_DOT],
  ['bs', COMMA_DOT],
  ['sl', COMMA_DOT],
  ['mk', COMMA_DOT],
  ['az', COMMA_DOT],
  ['vi', COMMA_DOT],
  ['ca', COMMA_DOT],
  ['gl', COMMA_DOT],
  ['eu', COMMA_DOT],
  ['is', COMMA_DOT],
  ['lo', COMMA_DOT],
  // Decimal comma, a space between thousands.
  ['fr', { decimal: ',', group: NNBSP, dateOrder: 'dmy' }],
  ['ru', COMMA_SPACE],
  ['uk', COMMA_SPACE],
  ['be', COMMA_SPACE],
  ['pl', COMMA_SPACE],
  ['cs', COMMA_SPACE],
  ['sk', COMMA_SPACE],
  ['bg', COMMA_SPACE],
  ['fi', COMMA_SPACE],
  ['et', COMMA_SPACE],
  ['lv', COMMA_SPACE],
  ['lt', { ...COMMA_SPACE, dateOrder: 'ymd' }],
  ['hu', { ...COMMA_SPACE, dateOrder: 'ymd' }],
  ['sv', { ...COMMA_SPACE, dateOrder: 'ymd' }],
  ['no', COMMA_SPACE],
  ['nb', COMMA_SPACE],
  ['nn', COMMA_SPACE],
  ['ka', COMMA_SPACE],
  ['hy', COMMA_SPACE],
  ['kk', COMMA_SPACE],
  ['ky', COMMA_SPACE],
  ['uz', COMMA_SPACE],
  ['tg', COMMA_SPACE],
  ['sq', COMMA_SPACE],
  ['af', COMMA_SPACE],
]);

/** Locales that differ from their language. */
const LOCALES: ReadonlyMap<string, LocaleFormat> = new Map<string, LocaleFormat>([
  ['en_us', { ...POINT, dateOrder: 'mdy' }],
  ['en_ph', { ...POINT, dateOrder: 'mdy' }],
  ['es_mx', POINT],
  ['es_us', POINT],
  ['es_419', POINT],
  ['de_ch', SWISS],
  ['de_li', SWISS],
  ['it_ch', SWISS],
  ['fr_ch', { decimal: ',', group: NNBSP, dateOrder: 'dmy' }],
  ['de_at', COMMA_SPACE],
  ['pt_pt', COMMA_SPACE],
]);

/** Used for a language the table does not know. */
const DEFAULT_FORMAT: LocaleFormat = COMMA_DOT;

/** `fr-FR`, `FR_fr`, ` fr ` → `fr_fr`. */
function canonical(locale: string): string {
  return locale.trim().toLowerCase().replace(/-/g, '_');
}

/** Decimal separator, grouping and date order of a spreadsheet locale. */
export function localeFormat(locale: string): LocaleFormat {
  const key = canonical(typeof locale === 'string' ? locale : '');
  const whole = LOCALES.get(key);
  if (whole) return whole;
  const language = key.split('_')[0];
  return LANGUAGES.get(language) ?? DEFAULT_FORMAT;
}

/** True when the table knows the locale's language (options check the locale they are given). */
export function isKnownLocale(locale: string): boolean {
  const key = canonical(typeof locale === 'string' ? locale : '');
  return /^[a-z]{2,3}(?:_[a-z0-9]{2,4})?$/.test(key) && LANGUAGES.has(key.split('_')[0]);
}
