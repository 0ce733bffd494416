/**
 * Hand-computed cases for every custom function of the contract, run against the built
 * bundle in four spreadsheet settings. Values are built as Sheets builds them: Dates at
 * midnight in the spreadsheet's zone, serial numbers, text dates and text amounts
 * written the locale's way.
 *
 * A case runs in every environment unless it lists `envs`. `expected` is a number
 * (compared to 9 decimals), `""`, or a 2-D table; `error` is matched against the message
 * after its mandatory `NAME: ` prefix, in the sheet's language.
 */
import type { BundleContext } from '../support/loadBundle';
import { makeDate, range, serial } from '../support/loadBundle';

export interface Environment {
  readonly name: EnvName;
  readonly locale: string;
  readonly timeZone: string;
}
export type EnvName = 'fr' | 'en' | 'tokyo' | 'utc';

export const ENVIRONMENTS: readonly Environment[] = [
  { name: 'fr', locale: 'fr_FR', timeZone: 'Europe/Paris' },
  { name: 'en', locale: 'en_US', timeZone: 'America/New_York' },
  // Day-first dates with a decimal point, far east of UTC (dates shift a day in UTC).
  { name: 'tokyo', locale: 'en_GB', timeZone: 'Asia/Tokyo' },
  // Decimal comma, not French: labels in English.
  { name: 'utc', locale: 'de_DE', timeZone: 'UTC' },
];

export type Cell = number | string;
export type Expected = Cell | readonly (readonly Cell[])[];

/** Builders bound to one environment and its bundle context. */
export interface Helpers {
  readonly env: Environment;
  /** A one-column range. */
  col(...values: unknown[]): unknown[][];
  /** A one-row range. */
  row(...values: unknown[]): unknown[][];
  /** Any range. */
  range(rows: readonly (readonly unknown[])[]): unknown[][];
  /** A date cell: midnight of that day in the spreadsheet's zone. */
  date(year: number, month: number, day: number): Date;
  serial(year: number, month: number, day: number): number;
  /** The date as typed in the locale: 03/31/2025 (en_US), 31/03/2025, 31.03.2025 (de). */
  text(year: number, month: number, day: number): string;
  iso(year: number, month: number, day: number): string;
  /** An amount typed as text the locale's way: "1 234,50 €", "$1,234.50", "1.234,50 €"… */
  money(amount: number): string;
  /** Whether the sheet speaks French (labels of spilled tables). */
  readonly french: boolean;
}

export interface Case {
  readonly fn: string;
  readonly title: string;
  readonly envs?: readonly EnvName[];
  readonly args: (h: Helpers) => unknown[];
  readonly expected?: Expected | ((h: Helpers) => Expected);
  /** The message in each language the sheet may speak (rule 10). */
  readonly error?: { readonly en: RegExp; readonly fr: RegExp };
  /** For spilled tables whose header wording the contract leaves open: check the width. */
  readonly headerWidth?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function helpers(context: BundleContext, env: Environment): Helpers {
  const decimalComma = !/^en/i.test(env.locale);
  return {
    env,
    french: /^fr/i.test(env.locale),
    col: (...values) =>
      range(
        context,
        values.map((v) => [v]),
      ),
    row: (...values) => range(context, [values]),
    range: (rows) => range(context, rows),
    date: (y, m, d) => makeDate(context, y, m, d, env.timeZone),
    serial,
    text: (y, m, d) =>
      env.locale === 'en_US'
        ? `${pad(m)}/${pad(d)}/${y}`
        : env.locale.startsWith('de')
          ? `${pad(d)}.${pad(m)}.${y}`
          : `${pad(d)}/${pad(m)}/${y}`,
    iso: (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
    money: (amount) => {
      const [whole, cents] = Math.abs(amount).toFixed(2).split('.');
      const sign = amount < 0 ? '-' : '';
      const group = (sep: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
      if (env.locale === 'fr_FR') return `${sign}${group('\u00a0')},${cents}\u00a0€`;
      if (decimalComma) return `${sign}${group('.')},${cents} €`;
      return `${sign}${env.locale === 'en_GB' ? '£' : '$'}${group(',')}.${cents}`;
    },
  };
}

/**
 * Customers with rows around Q1 2025 (start 2025-01-01, end 2025-03-31), dates of every
 * kind. Earliest rows: Acme 2024-12-15, Beta 2024-11-02, Gamma 2024-10-10, Delta
 * 2025-02-01, Echo 2025-03-31, Foxtrot 2025-04-01, Golf 2025-01-05.
 */
function customerRows(h: Helpers): { customers: unknown[][]; dates: unknown[][] } {
  const rows: [string, unknown][] = [
    ['Acme', h.date(2024, 12, 15)],
    ['Beta', h.serial(2024, 11, 2)],
    ['Gamma', h.text(2024, 10, 10)],
    ['ACME ', h.iso(2025, 1, 20)],
    ['beta', h.date(2025, 3, 31)], // end day is included
    ['gamma', h.date(2025, 4, 1)], // the day after end is not (midnight in the zone)
    ['Delta', h.serial(2025, 2, 1)],
    ['Echo', h.date(2025, 3, 31)],
    ['Foxtrot', h.date(2025, 4, 1)],
    ['Golf', h.date(2025, 4, 5)],
    ['golf', h.text(2025, 1, 5)],
  ];
  return { customers: h.col(...rows.map((r) => r[0])), dates: h.col(...rows.map((r) => r[1])) };
}
/** Same rows; Acme's 2025 row and Golf's January row are lost. */
const customerStatuses = (h: Helpers) =>
  h.col('Won', 'Won', 'Won', 'Lost', 'won', 'Won', 'Won', 'Won', 'Won', 'Won', 'Perdu');

/** Retention data: before start Acme, Beta, Gamma; in Q1 Acme, Beta (+ new ones). */
function retentionRows(h: Helpers): unknown[][][] {
  const { customers, dates } = customerRows(h);
  return [customers.slice(0, 7), dates.slice(0, 7)];
}
const q1 = (h: Helpers) => [h.date(2025, 1, 1), h.iso(2025, 3, 31)];

/** Deals for the pipeline, cycle and velocity functions. */
function deals(h: Helpers) {
  return {
    amounts: h.col(1000, h.money(3000), 2000, 5000, 4000),
    statuses: h.col('Won', 'Closed-Won', 'Lost', 'Open', 'Negotiation'),
    created: h.col(
      h.date(2025, 1, 1),
      h.serial(2025, 1, 10),
      h.date(2025, 1, 1),
      h.date(2025, 2, 1),
      h.iso(2025, 2, 15),
    ),
    closed: h.col(h.date(2025, 1, 31), h.text(2025, 3, 1), h.date(2025, 2, 1), '', ''),
  };
}

export const CASES: readonly Case[] = [
  // ---- WIN_RATE ----
  {
    fn: 'WIN_RATE',
    title: 'won ÷ (won + lost) with default labels in any case, accents and spacing',
    args: (h) => [h.col('Won', '  Gagné ', 'PERDU', 'open', '', 'Closed-Won')],
    expected: 0.75,
  },
  {
    fn: 'WIN_RATE',
    title: 'custom won (one text) and lost (a row) labels',
    args: (h) => [
      h.col('Signed', 'Lost', 'No decision', 'Negotiation'),
      'signed',
      h.row('Lost', 'No decision'),
    ],
    expected: 1 / 3,
  },
  {
    fn: 'WIN_RATE',
    title: 'a one-row range, and a single blank won_labels cell means the defaults',
    args: (h) => [h.row('won', 'lost', 'lost'), h.col('')],
    expected: 1 / 3,
  },
  {
    fn: 'WIN_RATE',
    title: 'no deal won or lost is an empty cell',
    args: (h) => [h.col('Open', 'Negotiation', '')],
    expected: '',
  },
  {
    fn: 'WIN_RATE',
    title: 'a 2×2 range is not a column',
    args: (h) => [
      h.range([
        ['Won', 'Lost'],
        ['Won', 'Lost'],
      ]),
    ],
    error: {
      en: /^statuses must be a single column or row \(got 2×2\)$/,
      fr: /^statuts doit être une seule colonne ou une seule ligne \(reçu 2×2\)$/,
    },
  },

  // ---- CONVERSION_RATE ----
  {
    fn: 'CONVERSION_RATE',
    title: 'converted ÷ non-blank statuses',
    args: (h) => [h.col('Customer', 'Lead', 'customer ', 'Lead', 'Lead', ''), 'Customer'],
    expected: 2 / 5,
  },
  {
    fn: 'CONVERSION_RATE',
    title: 'converted ÷ (eligible + converted)',
    args: (h) => [
      h.col('Lead', 'MQL', 'Customer', 'Churned', 'Lead'),
      'Customer',
      h.row('Lead', 'MQL'),
    ],
    expected: 1 / 4,
  },
  {
    fn: 'CONVERSION_RATE',
    title: 'numeric form with scalars',
    args: () => [12, 48],
    expected: 0.25,
  },
  {
    fn: 'CONVERSION_RATE',
    title: 'numeric form with ranges, text numbers included',
    args: (h) => [h.col(3, '5'), h.col(10, h.money(10))],
    expected: 0.4,
  },
  {
    fn: 'CONVERSION_RATE',
    title: 'blank statuses only is an empty cell',
    args: (h) => [h.col('', ''), 'Customer'],
    expected: '',
  },
  {
    fn: 'CONVERSION_RATE',
    title: 'a 2×2 range of statuses is not a column',
    args: (h) => [
      h.range([
        ['Lead', 'Customer'],
        ['Lead', 'Lead'],
      ]),
      'Customer',
    ],
    error: {
      en: /single column or row \(got 2×2\)/,
      fr: /une seule colonne ou une seule ligne \(reçu 2×2\)/,
    },
  },

  // ---- RETENTION_RATE ----
  {
    fn: 'RETENTION_RATE',
    title: 'earlier customers back in the period, end day included, next day excluded',
    args: (h) => [...retentionRows(h), ...q1(h)],
    expected: 2 / 3,
  },
  {
    fn: 'RETENTION_RATE',
    title: 'with statuses only won rows count',
    args: (h) => [...retentionRows(h), ...q1(h), customerStatuses(h).slice(0, 7)],
    expected: 1 / 3,
  },
  {
    fn: 'RETENTION_RATE',
    title: 'no customer before start is an empty cell',
    args: (h) => [h.col('Acme'), h.col(h.date(2025, 2, 1)), ...q1(h)],
    expected: '',
  },
  {
    fn: 'RETENTION_RATE',
    title: 'paired columns of different lengths',
    args: (h) => [h.col('A', 'B', 'C'), h.col(h.date(2025, 1, 1), h.date(2025, 1, 2)), ...q1(h)],
    error: {
      en: /^customers has 3 rows but dates has 2$/,
      fr: /^clients a 3 lignes mais dates en a 2$/,
    },
  },
  {
    fn: 'RETENTION_RATE',
    title: 'a text that is not a date',
    args: (h) => [h.col('A', 'B'), h.col(h.date(2025, 1, 1), 'soon'), ...q1(h)],
    error: {
      en: /^dates, value 2: "soon" is not a date$/,
      fr: /^dates, valeur 2 : « soon » n’est pas une date$/,
    },
  },

  // ---- CHURN_RATE ----
  {
    fn: 'CHURN_RATE',
    title: '1 − retention',
    args: (h) => [...retentionRows(h), ...q1(h)],
    expected: 1 / 3,
  },
  {
    fn: 'CHURN_RATE',
    title: 'with statuses',
    args: (h) => [...retentionRows(h), ...q1(h), customerStatuses(h).slice(0, 7)],
    expected: 2 / 3,
  },
  {
    fn: 'CHURN_RATE',
    title: 'empty where retention is empty',
    args: (h) => [h.col('Acme'), h.col(h.date(2025, 2, 1)), ...q1(h)],
    expected: '',
  },
  {
    fn: 'CHURN_RATE',
    title: 'paired columns of different lengths',
    args: (h) => [h.col('A', 'B'), h.col(h.date(2025, 1, 1)), ...q1(h)],
    error: {
      en: /^customers has 2 rows but dates has 1$/,
      fr: /^clients a 2 lignes mais dates en a 1$/,
    },
  },

  // ---- REPEAT_CUSTOMER_RATE ----
  {
    fn: 'REPEAT_CUSTOMER_RATE',
    title: 'customers with two rows or more ÷ customers',
    args: (h) => [h.col('Acme', 'acme ', 'Beta', 'Gamma', 'GAMMA', '')],
    expected: 2 / 3,
  },
  {
    fn: 'REPEAT_CUSTOMER_RATE',
    title: 'with statuses, won rows on both sides',
    args: (h) => [
      h.col('Acme', 'Acme', 'Beta', 'Beta', 'Gamma'),
      h.col('Won', 'Lost', 'Won', 'gagné', 'Lost'),
    ],
    expected: 1 / 2,
  },
  {
    fn: 'REPEAT_CUSTOMER_RATE',
    title: 'blanks only is an empty cell',
    args: (h) => [h.col('', ' ')],
    expected: '',
  },
  {
    fn: 'REPEAT_CUSTOMER_RATE',
    title: 'paired columns of different lengths',
    args: (h) => [h.col('A', 'B'), h.col('Won')],
    error: {
      en: /^customers has 2 rows but statuses has 1$/,
      fr: /^clients a 2 lignes mais statuts en a 1$/,
    },
  },

  // ---- MARGIN_RATE, MARKUP_RATE, MARGIN ----
  {
    fn: 'MARGIN_RATE',
    title: '(Σrevenue − Σcost) ÷ Σrevenue, text amounts in the locale',
    args: (h) => [h.col(1000, h.money(1234.5)), h.col(500, 734.5)],
    expected: 1000 / 2234.5,
  },
  {
    fn: 'MARGIN_RATE',
    title: 'zero revenue is an empty cell',
    args: () => [0, 100],
    expected: '',
  },
  {
    fn: 'MARGIN_RATE',
    title: 'a text that is not a number',
    args: (h) => [h.col(1000, 'n/a'), 500],
    error: {
      en: /^revenue, value 2: "n\/a" is not a number$/,
      fr: /^chiffre d’affaires, valeur 2 : « n\/a » n’est pas un nombre$/,
    },
  },
  {
    fn: 'MARKUP_RATE',
    title: '(Σrevenue − Σcost) ÷ Σcost',
    args: (h) => [h.col(1000, h.money(1234.5)), h.col(500, 734.5)],
    expected: 1000 / 1234.5,
  },
  {
    fn: 'MARKUP_RATE',
    title: 'zero cost is an empty cell',
    args: () => [100, 0],
    expected: '',
  },
  {
    fn: 'MARKUP_RATE',
    title: 'a boolean is not a number',
    args: (h) => [h.col(true), 100],
    error: {
      en: /^revenue, value 1: TRUE is not a number$/,
      fr: /^chiffre d’affaires, valeur 1 : VRAI n’est pas un nombre$/,
    },
  },
  {
    fn: 'MARGIN',
    title: 'Σrevenue − Σcost',
    args: (h) => [h.col(1000, h.money(1234.5), ''), h.col(500, 734.5)],
    expected: 1000,
  },
  {
    fn: 'MARGIN',
    title: 'negative amounts (credit notes) count',
    args: (h) => [h.col(1000, h.money(-250)), 0],
    expected: 750,
  },
  {
    fn: 'MARGIN',
    title: 'a text that is not a number',
    args: (h) => [100, h.col(50, 'approx. 20')],
    error: {
      en: /^cost, value 2: "approx\. 20" is not a number$/,
      fr: /^coûts, valeur 2 : « approx\. 20 » n’est pas un nombre$/,
    },
  },

  // ---- QUOTA_ATTAINMENT, GROWTH_RATE ----
  {
    fn: 'QUOTA_ATTAINMENT',
    title: 'Σactual ÷ Σtarget',
    args: (h) => [h.col(h.money(1234.5), 765.5), 2500],
    expected: 0.8,
  },
  {
    fn: 'QUOTA_ATTAINMENT',
    title: 'zero target is an empty cell',
    args: () => [100, 0],
    expected: '',
  },
  {
    fn: 'QUOTA_ATTAINMENT',
    title: 'a text that is not a number',
    args: (h) => [h.col('abc'), 100],
    error: {
      en: /^actual, value 1: "abc" is not a number$/,
      fr: /^réalisé, valeur 1 : « abc » n’est pas un nombre$/,
    },
  },
  {
    fn: 'GROWTH_RATE',
    title: '(Σcurrent − Σprevious) ÷ |Σprevious|',
    args: (h) => [1200, h.col(500, h.money(500))],
    expected: 0.2,
  },
  {
    fn: 'GROWTH_RATE',
    title: 'from a negative previous value',
    args: () => [50, -100],
    expected: 1.5,
  },
  {
    fn: 'GROWTH_RATE',
    title: 'zero previous is an empty cell',
    args: () => [100, 0],
    expected: '',
  },
  {
    fn: 'GROWTH_RATE',
    title: 'a text that is not a number',
    args: (h) => [h.col('x'), 100],
    error: {
      en: /^current, value 1: "x" is not a number$/,
      fr: /^période en cours, valeur 1 : « x » n’est pas un nombre$/,
    },
  },

  // ---- NPS ----
  {
    fn: 'NPS',
    title: '(promoters − detractors) ÷ non-blank scores × 100',
    args: (h) => [h.col(10, 9, 8, 7, 6, 0, '', 9)],
    expected: 100 / 7,
  },
  {
    fn: 'NPS',
    title: 'no score is an empty cell',
    args: (h) => [h.col('', '')],
    expected: '',
  },
  {
    fn: 'NPS',
    title: 'a score outside 0–10',
    args: (h) => [h.col(9, 11)],
    error: {
      en: /^scores, value 2: 11 is outside the 0–10 scale$/,
      fr: /^notes, valeur 2 : 11 est hors de l’échelle 0–10$/,
    },
  },

  // ---- NEW_CUSTOMERS, ACTIVE_CUSTOMERS ----
  {
    fn: 'NEW_CUSTOMERS',
    title: 'customers whose earliest row is in the period (Delta, Echo, Golf)',
    args: (h) => {
      const { customers, dates } = customerRows(h);
      return [customers, dates, ...q1(h)];
    },
    expected: 3,
  },
  {
    fn: 'NEW_CUSTOMERS',
    title: "with statuses, each customer's earliest won row (Golf's is in April)",
    args: (h) => {
      const { customers, dates } = customerRows(h);
      return [customers, dates, ...q1(h), customerStatuses(h)];
    },
    expected: 2,
  },
  {
    fn: 'NEW_CUSTOMERS',
    title: 'nobody new is 0',
    args: (h) => [h.col('Acme'), h.col(h.date(2024, 5, 1)), ...q1(h)],
    expected: 0,
  },
  {
    fn: 'NEW_CUSTOMERS',
    title: 'a start that is not a date',
    args: (h) => [h.col('Acme'), h.col(h.date(2024, 5, 1)), 'nope', h.date(2025, 3, 31)],
    error: { en: /^start: "nope" is not a date$/, fr: /^début : « nope » n’est pas une date$/ },
  },
  {
    fn: 'ACTIVE_CUSTOMERS',
    title: 'customers with a row in the period (Acme, Beta, Delta, Echo, Golf)',
    args: (h) => {
      const { customers, dates } = customerRows(h);
      return [customers, dates, ...q1(h)];
    },
    expected: 5,
  },
  {
    fn: 'ACTIVE_CUSTOMERS',
    title: 'with statuses (Acme and Golf lost in Q1)',
    args: (h) => {
      const { customers, dates } = customerRows(h);
      return [customers, dates, ...q1(h), customerStatuses(h)];
    },
    expected: 3,
  },
  {
    fn: 'ACTIVE_CUSTOMERS',
    title: 'paired columns of different lengths',
    args: (h) => [h.col('A'), h.col(h.date(2025, 1, 1), h.date(2025, 1, 2)), ...q1(h)],
    error: {
      en: /^customers has 1 rows but dates has 2$/,
      fr: /^clients a 1 lignes mais dates en a 2$/,
    },
  },

  // ---- REVENUE, AVERAGE_DEAL_SIZE ----
  {
    fn: 'REVENUE',
    title: 'Σ won amounts, credit notes included, blank amounts adding nothing',
    args: (h) => [
      h.col(1000, h.money(1234.5), -200, '', 500),
      h.col('Won', 'gagné', 'Closed Won', 'Won', 'Lost'),
    ],
    expected: 2034.5,
  },
  {
    fn: 'REVENUE',
    title: 'without statuses, every amount',
    args: (h) => [h.col(1000, h.money(1234.5), -200, '', 500)],
    expected: 2534.5,
  },
  {
    fn: 'REVENUE',
    title: 'an unparseable amount on a lost deal is not read',
    args: (h) => [h.col(100, 'n/a'), h.col('Won', 'Lost')],
    expected: 100,
  },
  {
    fn: 'REVENUE',
    title: 'no won deal is 0',
    args: (h) => [h.col(100), h.col('Lost')],
    expected: 0,
  },
  {
    fn: 'REVENUE',
    title: 'the same amount without statuses is an error',
    args: (h) => [h.col(100, 'n/a')],
    error: {
      en: /^amounts, value 2: "n\/a" is not a number$/,
      fr: /^montants, valeur 2 : « n\/a » n’est pas un nombre$/,
    },
  },
  {
    fn: 'REVENUE',
    title: 'a value beyond 2^53, which no sum holds exactly, is named',
    args: (h) => [h.col(1000, -1, 1e308, -1e308)],
    error: {
      en: /^amounts, value 3: 1e\+308 is too large to add up/,
      fr: /^montants, valeur 3 : 1e\+308 est trop grand pour être additionné/,
    },
  },
  {
    fn: 'REVENUE',
    title: 'a 400-digit amount is too large',
    args: (h) => [h.col('9'.repeat(400))],
    error: {
      en: /^amounts, value 1: "9{40}…" is too large to add up/,
      fr: /^montants, valeur 1 : « 9{40}… » est trop grand/,
    },
  },
  {
    fn: 'REVENUE',
    title: 'a long text is quoted cut to 40 characters',
    args: (h) => [h.col(1, 'n/a '.repeat(250000))],
    error: {
      en: /^amounts, value 2: "(n\/a ){10}…" is not a number$/,
      fr: /^montants, valeur 2 : « (n\/a ){10}… » n’est pas un nombre$/,
    },
  },
  {
    fn: 'REVENUE',
    title: 'loose number text is not a number',
    args: (h) => [h.col('12 34')],
    error: {
      en: /^amounts, value 1: "12 34" is not a number$/,
      fr: /^montants, valeur 1 : « 12 34 » n’est pas un nombre$/,
    },
  },
  {
    fn: 'REVENUE',
    title: 'paired columns of different lengths',
    args: (h) => [h.col(1, 2, 3), h.col('Won', 'Won')],
    error: {
      en: /^amounts has 3 rows but statuses has 2$/,
      fr: /^montants a 3 lignes mais statuts en a 2$/,
    },
  },
  {
    fn: 'AVERAGE_DEAL_SIZE',
    title: 'revenue ÷ won rows with an amount',
    args: (h) => [
      h.col(1000, h.money(1234.5), -200, '', 500),
      h.col('Won', 'gagné', 'Closed Won', 'Won', 'Lost'),
    ],
    expected: 2034.5 / 3,
  },
  {
    fn: 'AVERAGE_DEAL_SIZE',
    title: 'without statuses',
    args: (h) => [h.col(1000, h.money(1234.5), -200, '', 500)],
    expected: 2534.5 / 4,
  },
  {
    fn: 'AVERAGE_DEAL_SIZE',
    title: 'no won deal is an empty cell',
    args: (h) => [h.col(100), h.col('Lost')],
    expected: '',
  },
  {
    fn: 'AVERAGE_DEAL_SIZE',
    title: 'paired columns of different lengths',
    args: (h) => [h.col(1), h.col('Won', 'Won')],
    error: {
      en: /^amounts has 1 rows but statuses has 2$/,
      fr: /^montants a 1 lignes mais statuts en a 2$/,
    },
  },

  // ---- PIPELINE_VALUE ----
  {
    fn: 'PIPELINE_VALUE',
    title: 'Σ amount × probability over open rows (fraction, "40%", 60 as a percentage)',
    args: (h) => [
      h.col(1000, 2000, 3000, 4000, 500),
      h.col('Open', 'Negotiation', 'Won', 'Lost', 'Proposal'),
      h.col(0.5, '40%', 1, 0, 60),
    ],
    expected: 1600,
  },
  {
    fn: 'PIPELINE_VALUE',
    title: 'without probabilities',
    args: (h) => [
      h.col(1000, 2000, 3000, 4000, 500),
      h.col('Open', 'Negotiation', 'Won', 'Lost', 'Proposal'),
    ],
    expected: 3500,
  },
  {
    fn: 'PIPELINE_VALUE',
    title: 'a blank probability is 1',
    args: (h) => [
      h.col(1000, 2000, 3000, 4000, 500),
      h.col('Open', 'Negotiation', 'Won', 'Lost', 'Proposal'),
      h.col(0.5, '', 1, 0, ''),
    ],
    expected: 3000,
  },
  {
    fn: 'PIPELINE_VALUE',
    title: 'a probability over 100',
    args: (h) => [h.col(1000), h.col('Open'), h.col(150)],
    error: {
      en: /^probabilities, value 1: 150 is not a probability/,
      fr: /^probabilités, valeur 1 : 150 n’est pas une probabilité/,
    },
  },

  // ---- SALES_CYCLE_DAYS ----
  {
    fn: 'SALES_CYCLE_DAYS',
    title: 'mean whole days over won rows (30, 50 and 31 across a DST change)',
    args: (h) => [
      h.col(h.date(2025, 1, 1), h.serial(2025, 1, 10), h.date(2025, 1, 1), h.date(2025, 3, 1)),
      h.col(h.date(2025, 1, 31), h.text(2025, 3, 1), h.iso(2025, 12, 31), h.date(2025, 4, 1)),
      h.col('Won', 'Won', 'Lost', 'Won'),
    ],
    expected: 37,
  },
  {
    fn: 'SALES_CYCLE_DAYS',
    title: 'without statuses, every row having both dates',
    args: (h) => [
      h.col(
        h.date(2025, 1, 1),
        h.serial(2025, 1, 10),
        h.date(2025, 1, 1),
        h.date(2025, 3, 1),
        h.date(2025, 5, 1),
      ),
      h.col(h.date(2025, 1, 31), h.text(2025, 3, 1), h.iso(2025, 12, 31), h.date(2025, 4, 1), ''),
    ],
    expected: (30 + 50 + 364 + 31) / 4,
  },
  {
    fn: 'SALES_CYCLE_DAYS',
    title: 'no row with both dates is an empty cell',
    args: (h) => [h.col(h.date(2025, 1, 1)), h.col('')],
    expected: '',
  },
  {
    fn: 'SALES_CYCLE_DAYS',
    title: 'closed before created',
    args: (h) => [
      h.col(h.date(2025, 1, 1), h.date(2025, 2, 1)),
      h.col(h.date(2025, 1, 5), h.date(2025, 1, 1)),
    ],
    error: { en: /^closed, value 2: /, fr: /^dates de signature, valeur 2 : / },
  },

  // ---- SALES_VELOCITY ----
  {
    fn: 'SALES_VELOCITY',
    title: 'open × average won deal × win rate ÷ cycle: 2 × 2000 × 2/3 ÷ 40',
    args: (h) => {
      const d = deals(h);
      return [d.amounts, d.statuses, d.created, d.closed];
    },
    expected: (2 * 2000 * (2 / 3)) / 40,
  },
  {
    fn: 'SALES_VELOCITY',
    title: 'no open deal is 0',
    args: (h) => {
      const d = deals(h);
      return [d.amounts, h.col('Won', 'Won', 'Lost', 'Lost', 'Lost'), d.created, d.closed];
    },
    expected: 0,
  },
  {
    fn: 'SALES_VELOCITY',
    title: 'no won deal is an empty cell',
    args: (h) => {
      const d = deals(h);
      return [d.amounts, h.col('Lost', 'Lost', 'Lost', 'Open', 'Open'), d.created, d.closed];
    },
    expected: '',
  },
  {
    fn: 'SALES_VELOCITY',
    title: 'paired columns of different lengths',
    args: (h) => {
      const d = deals(h);
      return [d.amounts, h.col('Won', 'Won', 'Lost', 'Open'), d.created, d.closed];
    },
    error: {
      en: /^amounts has 5 rows but statuses has 4$/,
      fr: /^montants a 5 lignes mais statuts en a 4$/,
    },
  },

  // ---- REVENUE_PER_REP ----
  {
    fn: 'REVENUE_PER_REP',
    title: 'won revenue ÷ distinct reps of all non-blank rows',
    args: (h) => [
      h.col(1000, 2000, h.money(500), ''),
      h.col('Alice', 'Bob', 'alice ', 'Carol'),
      h.col('Won', 'Won', 'Won', 'Lost'),
    ],
    expected: 3500 / 3,
  },
  {
    fn: 'REVENUE_PER_REP',
    title: 'without statuses',
    args: (h) => [h.col(1000, 2000), h.col('Alice', 'Bob')],
    expected: 1500,
  },
  {
    fn: 'REVENUE_PER_REP',
    title: 'no rep is an empty cell',
    args: (h) => [h.col(''), h.col('')],
    expected: '',
  },
  {
    fn: 'REVENUE_PER_REP',
    title: 'paired columns of different lengths',
    args: (h) => [h.col(1, 2), h.col('Alice')],
    error: {
      en: /^amounts has 2 rows but reps has 1$/,
      fr: /^montants a 2 lignes mais commerciaux en a 1$/,
    },
  },

  // ---- ROI, CAC ----
  {
    fn: 'ROI',
    title: '(Σrevenue − Σcost) ÷ Σcost',
    args: (h) => [h.col(1000, h.money(2000)), 1000],
    expected: 2,
  },
  {
    fn: 'ROI',
    title: 'zero cost is an empty cell',
    args: () => [100, 0],
    expected: '',
  },
  {
    fn: 'ROI',
    title: 'a text that is not a number',
    args: (h) => [100, h.col('free')],
    error: {
      en: /^cost, value 1: "free" is not a number$/,
      fr: /^coûts, valeur 1 : « free » n’est pas un nombre$/,
    },
  },
  {
    fn: 'CAC',
    title: 'Σcosts ÷ Σnew customers',
    args: (h) => [h.col(1000, h.money(500)), h.col(3, 2)],
    expected: 300,
  },
  {
    fn: 'CAC',
    title: 'no new customer is an empty cell',
    args: () => [100, 0],
    expected: '',
  },
  {
    fn: 'CAC',
    title: 'a text that is not a number',
    args: (h) => [h.col('abc'), 2],
    error: {
      en: /^costs, value 1: "abc" is not a number$/,
      fr: /^coûts, valeur 1 : « abc » n’est pas un nombre$/,
    },
  },

  // ---- CAMPAIGN_ROI ----
  {
    fn: 'CAMPAIGN_ROI',
    title: 'one row per campaign in order of first appearance, then unattributed won deals',
    args: (h) => [
      h.col('Salon Lyon', 'webinar', 'salon  lyon', '', 'Other', 'Webinar'),
      h.col(5000, 1000, 3000, 2000, h.money(700), 800),
      h.col('Won', 'Won', 'Lost', 'Won', 'gagné', 'Lost'),
      h.col('Webinar', 'Salon Lyon', 'Webinar'),
      h.col(300, h.money(2000), 200),
    ],
    headerWidth: 5,
    expected: (h) => [
      ['Webinar', 500, 1, 1000, 1],
      ['Salon Lyon', 2000, 1, 5000, 1.5],
      [h.french ? '(aucune)' : '(none)', '', 2, 2700, ''],
    ],
  },
  {
    fn: 'CAMPAIGN_ROI',
    title: 'no unattributed row when every won deal has a campaign; zero cost has no ROI',
    args: (h) => [
      h.col('Webinar'),
      h.col(1000),
      h.col('Won'),
      h.col('Webinar', 'Fair'),
      h.col(0, 100),
    ],
    headerWidth: 5,
    expected: [
      ['Webinar', 0, 1, 1000, ''],
      ['Fair', 100, 0, 0, -1],
    ],
  },
  {
    fn: 'CAMPAIGN_ROI',
    title: 'paired deal columns of different lengths',
    args: (h) => [h.col('A', 'B'), h.col(1), h.col('Won', 'Won'), h.col('A'), h.col(1)],
    error: {
      en: /^deal_sources has 2 rows but deal_amounts has 1$/,
      fr: /^origines des affaires a 2 lignes mais montants des affaires en a 1$/,
    },
  },

  // ---- KPI_TABLE ----
  {
    fn: 'KPI_TABLE',
    title: 'by rep (default): sorted by revenue, blank reps last, then Total',
    args: (h) => [kpiDeals(h)],
    headerWidth: 10,
    expected: (h) => [
      ['Bob', 2, 1, 0, 1, 1, 3000, 3000, 5000, 50],
      ['Alice', 3, 1, 1, 1, 0.5, 1000, 1000, 4000, 30],
      [h.french ? '(aucun)' : '(none)', 2, 1, 0, 1, 1, 500, 500, 100, 10],
      ['Total', 7, 3, 1, 3, 0.75, 4500, 1500, 9100, 30],
    ],
  },
  {
    fn: 'KPI_TABLE',
    title: 'by month of the close date (created date when none), oldest first',
    args: (h) => [kpiDeals(h), 'month'],
    headerWidth: 10,
    expected: [
      ['2025-01', 1, 1, 0, 0, 1, 1000, 1000, 0, 30],
      ['2025-02', 4, 1, 1, 2, 0.5, 500, 500, 9000, 10],
      ['2025-03', 2, 1, 0, 1, 1, 3000, 3000, 100, 50],
      ['Total', 7, 3, 1, 3, 0.75, 4500, 1500, 9100, 30],
    ],
  },
  {
    fn: 'KPI_TABLE',
    title: 'a required column that cannot be found lists the headers seen',
    args: (h) => [
      h.range([
        ['Deal', 'Rep', 'Status'],
        ['D1', 'Alice', 'Won'],
      ]),
    ],
    error: { en: /Rep/, fr: /Rep/ },
  },
];

/** A deals table with its header row; D3 closes on 1 February (January in UTC from Tokyo). */
function kpiDeals(h: Helpers): unknown[][] {
  return h.range([
    ['Deal', 'Rep', 'Status', 'Amount', 'Created', 'Close date'],
    ['D1', 'Alice', 'Won', 1000, h.date(2025, 1, 1), h.date(2025, 1, 31)],
    ['D2', 'Bob', 'Closed Won', h.money(3000), h.date(2025, 1, 10), h.text(2025, 3, 1)],
    ['D3', 'alice', 'Lost', 2000, h.date(2025, 1, 1), h.date(2025, 2, 1)],
    ['D4', 'Bob', 'Open', 5000, h.date(2025, 2, 1), ''],
    ['D5', 'Alice', 'Negotiation', 4000, h.date(2025, 2, 15), ''],
    ['D6', '', 'Won', 500, h.date(2025, 2, 1), h.date(2025, 2, 11)],
    ['D7', '', 'Open', 100, h.serial(2025, 3, 1), ''],
    ['', '', '', '', '', ''],
  ]);
}

/** Every function of the contract (functions.md), in its order. */
export const CONTRACT_FUNCTIONS: readonly string[] = [
  'WIN_RATE',
  'CONVERSION_RATE',
  'RETENTION_RATE',
  'CHURN_RATE',
  'REPEAT_CUSTOMER_RATE',
  'MARGIN_RATE',
  'MARKUP_RATE',
  'QUOTA_ATTAINMENT',
  'GROWTH_RATE',
  'NPS',
  'NEW_CUSTOMERS',
  'ACTIVE_CUSTOMERS',
  'REVENUE',
  'AVERAGE_DEAL_SIZE',
  'PIPELINE_VALUE',
  'SALES_CYCLE_DAYS',
  'SALES_VELOCITY',
  'MARGIN',
  'REVENUE_PER_REP',
  'ROI',
  'CAC',
  'CAMPAIGN_ROI',
  'KPI_TABLE',
];
