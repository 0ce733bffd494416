import { runFormula } from './adapter';
import { GROWTH_RATE } from './growthRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const growth = (context: typeof fr, ...args: unknown[]) =>
  runFormula(GROWTH_RATE, args, {}, context);

describe('GROWTH_RATE', () => {
  it('is (Σcurrent − Σprevious) ÷ |Σprevious|', () => {
    expect(growth(en, 125, 100)).toBe(0.25);
    expect(growth(en, col(40, 35), col(50, 50))).toBe(-0.25);
  });

  it('divides by the absolute previous value, so less loss is growth', () => {
    expect(growth(en, -50, -100)).toBe(0.5);
    expect(growth(en, -150, -100)).toBe(-0.5);
  });

  it('sums each argument on its own', () => {
    expect(growth(en, col(100, 50), col(40, '', 40, 40))).toBe(0.25);
  });

  it('reads French text (fr_FR)', () => {
    expect(growth(fr, '1 250,00 €', '1.000')).toBe(0.25);
    expect(growth(fr, '-750', '−1 000')).toBe(0.25);
  });

  it('reads English text (en_US)', () => {
    expect(growth(en, '$1,250.00', '1,000')).toBe(0.25);
  });

  it('returns "" when the previous total is 0: empty range, blanks only, zero', () => {
    expect(growth(en, col(), col())).toBe('');
    expect(growth(en, col(5), col('', ' '))).toBe('');
    expect(growth(en, 5, col(10, -10))).toBe('');
  });

  it('handles one row', () => {
    expect(growth(en, col(80), col(100))).toBeCloseTo(-0.2);
  });

  it('names argument, row and value of text that is not a number', () => {
    expect(() => growth(en, col(1), col(1, 2, 'n/a'))).toThrow(
      'GROWTH_RATE: previous, value 3: "n/a" is not a number',
    );
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      growth(
        en,
        [
          [1, 2],
          [3, 4],
        ],
        1,
      ),
    ).toThrow('GROWTH_RATE: current must be a single column or row (got 2×2)');
  });
});
