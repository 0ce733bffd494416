import { runFormula } from './adapter';
import { REVENUE_PER_REP } from './revenuePerRep';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const revenuePerRep = (context: typeof fr, ...args: unknown[]) =>
  runFormula(REVENUE_PER_REP, args, {}, context);

describe('REVENUE_PER_REP', () => {
  const amounts = col(1000, 2000, 500, '', 300);
  const reps = col('Alice', ' alice', 'Bob', 'Chloé', '');
  const statuses = col('Won', 'Won', 'Lost', 'Open', 'Won');

  it('divides won revenue by every distinct rep, including those who won nothing', () => {
    // Alice, Bob and Chloé: 3300 ÷ 3.
    expect(revenuePerRep(en, amounts, reps, statuses)).toBe(1100);
  });

  it('uses every amount without statuses', () => {
    expect(revenuePerRep(en, amounts, reps)).toBeCloseTo(3800 / 3, 10);
  });

  it('reads French amounts and labels, reps compared without case or accents (fr_FR)', () => {
    expect(
      revenuePerRep(
        fr,
        col('1 234,50 €', '765,50 €', 'n/c'),
        col('Chloé', 'CHLOE', 'Éric'),
        col('Gagné', 'signé', 'perdu'),
      ),
    ).toBe(1000);
  });

  it('reads English amounts (en_US)', () => {
    expect(
      revenuePerRep(en, col('$1,000.00', '$3,000'), col('Ann', 'Ben'), col('won', 'won')),
    ).toBe(2000);
  });

  it('takes custom won labels', () => {
    expect(revenuePerRep(en, col(10, 30), col('A', 'B'), col('Paid', 'Won'), 'paid')).toBe(5);
  });

  it('returns "" when no rep is named (zero denominator)', () => {
    expect(revenuePerRep(en, col(10, 20), col('', ' '), col('won', 'won'))).toBe('');
  });

  it('returns "" for an empty range and for blanks only', () => {
    expect(revenuePerRep(en, [], [])).toBe('');
    expect(revenuePerRep(en, col('', null), col('', ' '), col('', ''))).toBe('');
  });

  it('works on one row', () => {
    expect(revenuePerRep(en, 700, 'Ann', 'won')).toBe(700);
    expect(revenuePerRep(en, 700, 'Ann', 'lost')).toBe(0);
  });

  it('refuses text in the amounts it sums, and only those', () => {
    expect(() => revenuePerRep(en, col(1, 'n/a'), col('A', 'B'), col('won', 'won'))).toThrow(
      'REVENUE_PER_REP: amounts, value 2: "n/a" is not a number',
    );
    expect(revenuePerRep(en, col(4, 'n/a'), col('A', 'B'), col('won', 'lost'))).toBe(2);
  });

  it('refuses a 2-D range and paired columns of different lengths', () => {
    expect(() =>
      revenuePerRep(en, col(1, 2), [
        ['A', 'B'],
        ['C', 'D'],
      ]),
    ).toThrow('REVENUE_PER_REP: reps must be a single column or row (got 2×2)');
    expect(() => revenuePerRep(en, col(1, 2), col('A'))).toThrow(
      'REVENUE_PER_REP: amounts has 2 rows but reps has 1',
    );
    expect(() => revenuePerRep(en, col(1, 2), col('A', 'B'), 'won')).toThrow(
      'REVENUE_PER_REP: amounts has 2 rows but statuses has 1',
    );
  });

  it('requires amounts and reps', () => {
    expect(() => revenuePerRep(en, col(1))).toThrow('REVENUE_PER_REP: reps is required');
  });
});
