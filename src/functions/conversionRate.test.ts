import { runFormula } from './adapter';
import { CONVERSION_RATE } from './conversionRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const conversion = (context: typeof fr, ...args: unknown[]) =>
  runFormula(CONVERSION_RATE, args, {}, context);

describe('CONVERSION_RATE, label form', () => {
  const statuses = col('Lead', 'Customer', 'lead', '', 'Prospect', 'CUSTOMER ', 'Lost', 'Lead');

  it('without eligible_labels, divides by every non-blank status', () => {
    expect(conversion(en, statuses, 'Customer')).toBeCloseTo(2 / 7);
  });

  it('with eligible_labels, divides by eligible or converted rows', () => {
    expect(conversion(en, statuses, 'customer', 'lead')).toBe(0.4);
    expect(conversion(en, statuses, 'customer', [['Lead', 'Prospect']])).toBeCloseTo(2 / 6);
    expect(conversion(en, statuses, [['Customer'], ['Prospect']], 'Lead')).toBe(0.5);
  });

  it('normalises French labels (fr_FR)', () => {
    const s = col('Prospect', 'Client signé', 'client-signe', 'Qualifié', 'qualifie', 'Perdu');
    expect(conversion(fr, s, 'CLIENT SIGNÉ', 'qualifié')).toBe(0.5);
  });

  it('reads a one-row range and a scalar (en_US)', () => {
    expect(conversion(en, [['Lead', 'Customer', 'Lead', 'Lead']], 'customer')).toBe(0.25);
    expect(conversion(en, 'Customer', 'customer')).toBe(1);
  });

  it('returns "" for an empty range, blanks only, or no eligible row', () => {
    expect(conversion(en, col(), 'Customer')).toBe('');
    expect(conversion(en, col('', ' ', null), 'Customer')).toBe('');
    expect(conversion(en, col('Lost', 'Open'), 'Customer', 'Lead')).toBe('');
  });

  it('handles one row', () => {
    expect(conversion(en, col('Lead'), 'Customer')).toBe(0);
  });

  it('requires converted_labels', () => {
    expect(() => conversion(en, col('Lead', 'Customer'))).toThrow(
      'CONVERSION_RATE: converted_labels is required',
    );
    expect(() => conversion(en, col('Lead', 'Customer'), [['']])).toThrow(
      'CONVERSION_RATE: converted_labels is required',
    );
  });

  it('refuses a 2-D range of statuses', () => {
    const grid = Array.from({ length: 4 }, () => ['Lead', 'Customer']);
    expect(() => conversion(en, grid, 'Customer')).toThrow(
      'CONVERSION_RATE: statuses must be a single column or row (got 4×2)',
    );
  });
});

describe('CONVERSION_RATE, numeric form', () => {
  it('is Σconverted ÷ Σtotal', () => {
    expect(conversion(en, 12, 48)).toBe(0.25);
    expect(conversion(en, col(3, '', 2), col(10, 10))).toBe(0.25);
  });

  it('is chosen when every non-blank cell of the first argument is a number, text included', () => {
    expect(conversion(fr, col('1 234,50 €', 765.5), '8 000')).toBe(0.25);
    expect(conversion(en, col('1,234.50', 765.5), '8,000')).toBe(0.25);
    expect(conversion(en, col('10%', ''), 0.4)).toBe(0.25);
  });

  it('sums the two arguments on their own: they are not paired', () => {
    expect(conversion(en, col(5, 5), col(10, 20, 10))).toBe(0.25);
  });

  it('uses the numeric form for a blank first argument only when the second is numbers', () => {
    expect(conversion(en, col('', ''), col(10, 20))).toBe(0);
    expect(conversion(en, col('', ''), 'Customer')).toBe('');
  });

  it('returns "" when the total is 0 or blank', () => {
    expect(conversion(en, 3, 0)).toBe('');
    expect(conversion(en, col(1, 2), col('', ''))).toBe('');
  });

  it('names row and value of a total that is not a number', () => {
    expect(() => conversion(en, col(1, 2), col(10, 20, 'n/a'))).toThrow(
      'CONVERSION_RATE: total, value 3: "n/a" is not a number',
    );
    expect(() => conversion(en, col(1, 2), col(true))).toThrow(
      'CONVERSION_RATE: total, value 1: TRUE is not a number',
    );
    expect(() => conversion(en, col(1, 2))).toThrow('CONVERSION_RATE: total is required');
  });

  it('refuses a 2-D range of numbers', () => {
    expect(() =>
      conversion(
        en,
        [
          [1, 2],
          [3, 4],
        ],
        10,
      ),
    ).toThrow('CONVERSION_RATE: converted must be a single column or row (got 2×2)');
  });
});
