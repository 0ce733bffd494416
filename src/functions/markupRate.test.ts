import { runFormula } from './adapter';
import { MARKUP_RATE } from './markupRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const markupRate = (context: typeof fr, ...args: unknown[]) =>
  runFormula(MARKUP_RATE, args, {}, context);

describe('MARKUP_RATE', () => {
  it('is (Σrevenue − Σcost) ÷ Σcost', () => {
    expect(markupRate(en, 150, 100)).toBe(0.5);
    expect(markupRate(en, col(600, 400), col(300, 200))).toBe(1);
  });

  it('sums each argument on its own', () => {
    expect(markupRate(en, col(250), col(100, '', 100))).toBe(0.25);
  });

  it('reads French money text (fr_FR)', () => {
    expect(markupRate(fr, col('1 250,00 €'), col('1.000', ''))).toBe(0.25);
  });

  it('reads English money text (en_US)', () => {
    expect(markupRate(en, col('£1,250.00'), col('1,000'))).toBe(0.25);
  });

  it('returns "" when cost is 0: empty range, blanks only, zero', () => {
    expect(markupRate(en, col(), col())).toBe('');
    expect(markupRate(en, col(100), col('', null))).toBe('');
    expect(markupRate(en, 100, 0)).toBe('');
  });

  it('handles one row', () => {
    expect(markupRate(en, col(75), col(60))).toBe(0.25);
  });

  it('names argument, row and value of text that is not a number', () => {
    expect(() => markupRate(en, col(10), col(1, 'n/a'))).toThrow(
      'MARKUP_RATE: cost, value 2: "n/a" is not a number',
    );
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      markupRate(en, 1, [
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('MARKUP_RATE: cost must be a single column or row (got 2×2)');
  });
});
