import { runFormula } from './adapter';
import { MARGIN } from './margin';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const margin = (context: typeof fr, ...args: unknown[]) => runFormula(MARGIN, args, {}, context);

describe('MARGIN', () => {
  it('is Σrevenue − Σcost, each summed on its own (not paired)', () => {
    expect(margin(en, col(1000, '2,500.50', ''), col(300, 200))).toBe(3000.5);
  });

  it('reads French amounts (fr_FR)', () => {
    expect(margin(fr, col('1 234,50 €', '100 %'), col('234,50 €'))).toBe(1001);
  });

  it('reads English amounts (en_US)', () => {
    expect(margin(en, col('$1,234.50', '£100'), '$334.50')).toBe(1000);
  });

  it('is negative when costs exceed revenue', () => {
    expect(margin(en, 100, 250)).toBe(-150);
  });

  it('returns 0 for empty ranges and blanks only (a difference has no denominator)', () => {
    expect(margin(en, [], [])).toBe(0);
    expect(margin(en, col('', ' ', null), col(''))).toBe(0);
  });

  it('works on one row and on one-row ranges', () => {
    expect(margin(en, 100, 40)).toBe(60);
    expect(margin(en, [[100, 200]], [[50, 50, 50]])).toBe(150);
  });

  it('refuses text that is not a number, naming argument, row and value', () => {
    expect(() => margin(en, col(1, 2), col(1, 'n/a'))).toThrow(
      'MARGIN: cost, value 2: "n/a" is not a number',
    );
    expect(() => margin(fr, col('1.5'), 0)).toThrow(
      'MARGIN: chiffre d’affaires, valeur 1 : « 1.5 » n’est pas un nombre',
    );
    expect(() => margin(en, true, 0)).toThrow('MARGIN: revenue, value 1: TRUE is not a number');
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      margin(
        en,
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ),
    ).toThrow('MARGIN: revenue must be a single column or row (got 2×2)');
  });

  it('requires both arguments', () => {
    expect(() => margin(en)).toThrow('MARGIN: revenue is required');
    expect(() => margin(en, 10)).toThrow('MARGIN: cost is required');
  });
});
