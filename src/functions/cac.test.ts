import { runFormula } from './adapter';
import { CAC } from './cac';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const cac = (context: typeof fr, ...args: unknown[]) => runFormula(CAC, args, {}, context);

describe('CAC', () => {
  it('is Σcosts ÷ Σnew customers, each summed on its own', () => {
    expect(cac(en, col(1000, 2000, ''), col(10, 5))).toBe(200);
  });

  it('reads French amounts (fr_FR)', () => {
    expect(cac(fr, col('1 234,50 €', '765,50 €'), 4)).toBe(500);
  });

  it('reads English amounts (en_US)', () => {
    expect(cac(en, col('$1,500.00', '$500'), '8')).toBe(250);
  });

  it('returns "" when there is no new customer (zero denominator)', () => {
    expect(cac(en, 1000, 0)).toBe('');
    expect(cac(en, 1000, col('', ''))).toBe('');
  });

  it('returns "" for empty ranges and blanks only', () => {
    expect(cac(en, [], [])).toBe('');
    expect(cac(en, col('', ' '), col(null))).toBe('');
  });

  it('works on one row', () => {
    expect(cac(en, 900, 3)).toBe(300);
  });

  it('refuses text that is not a number, naming argument, row and value', () => {
    expect(() => cac(en, 1000, col(2, 'Acme'))).toThrow(
      'CAC: new_customers, value 2: "Acme" is not a number',
    );
    expect(() => cac(fr, col('n/c'), 1)).toThrow(
      'CAC: coûts, valeur 1 : « n/c » n’est pas un nombre',
    );
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      cac(
        en,
        [
          [1, 2],
          [3, 4],
        ],
        1,
      ),
    ).toThrow('CAC: costs must be a single column or row (got 2×2)');
  });

  it('requires both arguments', () => {
    expect(() => cac(en, 1)).toThrow('CAC: new_customers is required');
  });
});
