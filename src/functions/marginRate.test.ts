import { runFormula } from './adapter';
import { MARGIN_RATE } from './marginRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const marginRate = (context: typeof fr, ...args: unknown[]) =>
  runFormula(MARGIN_RATE, args, {}, context);

describe('MARGIN_RATE', () => {
  it('is (Σrevenue − Σcost) ÷ Σrevenue', () => {
    expect(marginRate(en, col(600, 400), col(300, 200))).toBe(0.5);
    expect(marginRate(en, 200, 150)).toBe(0.25);
  });

  it('sums each argument on its own: ranges need not match', () => {
    expect(marginRate(en, col(1000), col(100, 100, '', 50))).toBe(0.75);
  });

  it('is negative when costs exceed revenue', () => {
    expect(marginRate(en, 100, 150)).toBe(-0.5);
  });

  it('reads French money text (fr_FR)', () => {
    expect(marginRate(fr, col('1 234,50 €', '765,50'), col('1\u00a0000', '500 EUR'))).toBe(0.25);
  });

  it('reads English money text (en_US)', () => {
    expect(marginRate(en, col('$1,234.50', '765.50'), col('1,000', 'USD 500'))).toBe(0.25);
  });

  it('returns "" when revenue is 0: empty range, blanks only, zero', () => {
    expect(marginRate(en, col(), col())).toBe('');
    expect(marginRate(en, col('', ' '), col(5))).toBe('');
    expect(marginRate(en, col(100, -100), col(10))).toBe('');
  });

  it('handles one row', () => {
    expect(marginRate(en, col(80), col(60))).toBe(0.25);
  });

  it('names argument, row and value of text that is not a number', () => {
    expect(() => marginRate(en, col(1, 2, 3, 4, 5, 6, 'n/a'), col(1))).toThrow(
      'MARGIN_RATE: revenue, value 7: "n/a" is not a number',
    );
    expect(() => marginRate(en, col('1,5'), col(1))).toThrow(
      'MARGIN_RATE: revenue, value 1: "1,5" is not a number',
    );
    expect(() => marginRate(fr, col(10), col('2', false))).toThrow(
      'MARGIN_RATE: coûts, valeur 2 : FAUX n’est pas un nombre',
    );
  });

  it('refuses a 2-D range and a missing argument', () => {
    expect(() =>
      marginRate(
        en,
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        1,
      ),
    ).toThrow('MARGIN_RATE: revenue must be a single column or row (got 3×2)');
    expect(() => marginRate(en, col(10))).toThrow('MARGIN_RATE: cost is required');
  });
});
