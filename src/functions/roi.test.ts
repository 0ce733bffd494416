import { runFormula } from './adapter';
import { ROI } from './roi';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const roi = (context: typeof fr, ...args: unknown[]) => runFormula(ROI, args, {}, context);

describe('ROI', () => {
  it('is (Σrevenue − Σcost) ÷ Σcost, each summed on its own', () => {
    expect(roi(en, col(10000, 5000, ''), col(6000, 4000))).toBe(0.5);
  });

  it('is −1 when nothing came back and negative on a loss', () => {
    expect(roi(en, 0, 800)).toBe(-1);
    expect(roi(en, 600, 800)).toBe(-0.25);
  });

  it('reads French amounts (fr_FR)', () => {
    expect(roi(fr, col('1 500,00 €', ''), col('1 000 €'))).toBe(0.5);
  });

  it('reads English amounts (en_US)', () => {
    expect(roi(en, '$3,000.00', col('USD 1,000', '1,000'))).toBe(0.5);
  });

  it('returns "" when the cost is 0 (zero denominator)', () => {
    expect(roi(en, 1000, 0)).toBe('');
    expect(roi(en, col(1000), col('', ''))).toBe('');
  });

  it('returns "" for empty ranges and blanks only', () => {
    expect(roi(en, [], [])).toBe('');
    expect(roi(en, col('', ' '), col(null))).toBe('');
  });

  it('works on one row', () => {
    expect(roi(en, 15000, 10000)).toBe(0.5);
  });

  it('refuses text that is not a number, naming argument, row and value', () => {
    expect(() => roi(en, col(1, 'lots'), 1)).toThrow(
      'ROI: revenue, value 2: "lots" is not a number',
    );
    expect(() => roi(en, 1, col(1, false))).toThrow('ROI: cost, value 2: FALSE is not a number');
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      roi(en, 1, [
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('ROI: cost must be a single column or row (got 2×2)');
  });

  it('requires both arguments', () => {
    expect(() => roi(en, 1)).toThrow('ROI: cost is required');
  });
});
