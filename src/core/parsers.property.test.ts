import fc from 'fast-check';
import { isoDay, NOT_A_DATE, parseDate } from './dates';
import type { DateOrder, DecimalSeparator } from './locales';
import { localeFormat } from './locales';
import { NOT_A_NUMBER, parseNumber } from './numbers';

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Pacific/Kiritimati'];
const ORDERS: DateOrder[] = ['mdy', 'dmy', 'ymd'];
const DECIMALS: DecimalSeparator[] = ['.', ','];

/** Characters numbers are written with, plus a few that never belong in one. */
const NUMBERISH = [..."0123456789.,'’ \u00a0\u202f-+−%€$£EURSDxa/e#"];
const numberishText = fc
  .array(fc.constantFrom(...NUMBERISH), { maxLength: 16 })
  .map((chars) => chars.join(''));

function currencyCodes(text: string): number {
  return (text.match(/EUR|USD/gi) ?? []).length;
}

function isNumberResult(value: unknown): boolean {
  return value === null || value === NOT_A_NUMBER || Number.isFinite(value);
}

describe('parseNumber properties', () => {
  it('gives a finite number, a blank or NOT_A_NUMBER for any input, never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          numberishText,
          fc.double(),
          fc.anything(),
        ),
        fc.constantFrom(...DECIMALS),
        (value, decimal) => isNumberResult(parseNumber(value, decimal)),
      ),
      { numRuns: 3000 },
    );
  });

  it('reads back any amount as Intl writes it in a locale Sheets offers', () => {
    const locales = [
      'en-US',
      'fr-FR',
      'de-DE',
      'de-CH',
      'ja-JP',
      'es-MX',
      'pt-BR',
      'pl-PL',
      'he-IL',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(...locales),
        fc.boolean(),
        (cents, decimals, tag, currency) => {
          const value = cents / 100;
          const text = new Intl.NumberFormat(tag, {
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
            ...(currency ? { style: 'currency', currency: tag === 'en-US' ? 'USD' : 'EUR' } : {}),
          }).format(value);
          const decimal = localeFormat(tag).decimal;
          // Intl rounds to `decimals` places: the value read is within half a unit of it.
          const parsed = parseNumber(text, decimal) as number;
          return Math.abs(parsed - value) <= 0.5001 * 10 ** -decimals;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never reads a number from text holding a letter or sign that is not a currency', () => {
    fc.assert(
      fc.property(
        numberishText,
        fc.constantFrom('x', 'a', '/', '#', 'e', 'n', ':'),
        fc.nat(),
        fc.constantFrom(...DECIMALS),
        (text, intruder, at, decimal) => {
          const i = text.length === 0 ? 0 : at % (text.length + 1);
          const spoilt = text.slice(0, i) + intruder + text.slice(i);
          // Codes are read in any case: an "e" before "UR0" makes "eUR0", EUR 0.
          fc.pre(currencyCodes(spoilt) === currencyCodes(text));
          return parseNumber(spoilt, decimal) === NOT_A_NUMBER;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses digits grouped other than by three', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.array(
          fc.oneof(
            ...[1, 2, 4, 5].map((length) =>
              fc.string({
                unit: fc.constantFrom(...'0123456789'),
                minLength: length,
                maxLength: length,
              }),
            ),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        fc.constantFrom(' ', '\u00a0', "'", ','),
        (head, groups, separator) => {
          // Every later group has 1, 2, 4 or 5 digits.
          fc.pre(groups.every((group) => group.length !== 3));
          const text = [String(head), ...groups].join(separator);
          return parseNumber(text, '.') === NOT_A_NUMBER;
        },
      ),
    );
  });

  it('reads the same value with or without grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e12 }), (n) => {
        const grouped = n.toLocaleString('en-US');
        return parseNumber(grouped, '.') === n && parseNumber(String(n), ',') === n;
      }),
    );
  });
});

const dayArb = fc.record({
  year: fc.integer({ min: 1900, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseDate properties', () => {
  it('gives an instant in 1900–9999, a blank or NOT_A_DATE for any input, never throws', () => {
    const low = Date.UTC(1899, 11, 31);
    const high = Date.UTC(10000, 0, 2);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double(),
          fc.integer(),
          fc.date({ noInvalidDate: false }),
          fc.anything(),
          fc.stringMatching(/^\d{1,5}[-/.]\d{1,3}[-/.]\d{1,5}( \d{1,2}:\d{2}(:\d{2})?)?$/),
        ),
        fc.constantFrom(...ORDERS),
        fc.constantFrom(...ZONES),
        (value, order, zone) => {
          const parsed = parseDate(value, order, zone);
          if (parsed === null || parsed === NOT_A_DATE) return true;
          return typeof parsed === 'number' && parsed >= low && parsed < high;
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads back every day written in the locale order or ISO', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.constantFrom(...ORDERS),
        fc.constantFrom(...ZONES),
        (d, order, zone) => {
          const iso = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
          const local =
            order === 'mdy'
              ? `${d.month}/${d.day}/${d.year}`
              : order === 'dmy'
                ? `${pad(d.day)}/${pad(d.month)}/${d.year}`
                : `${d.year}/${pad(d.month)}/${pad(d.day)}`;
          const a = parseDate(iso, order, zone) as number;
          const b = parseDate(local, order, zone) as number;
          return a === b && isoDay(a, zone) === iso;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses years before 1900, as text or serial', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1899 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(...ZONES),
        (year, month, day, zone) =>
          parseDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`, 'dmy', zone) === NOT_A_DATE &&
          parseDate(`${pad(day)}/${pad(month)}/${pad(year, 4)}`, 'dmy', zone) === NOT_A_DATE,
      ),
    );
  });

  it('refuses any serial outside 1900-01-01 … 9999-12-31', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ max: 1.999 }), fc.double({ min: 2958466, noNaN: false })),
        (serial) => parseDate(serial, 'dmy', 'UTC') === NOT_A_DATE,
      ),
    );
  });
});
