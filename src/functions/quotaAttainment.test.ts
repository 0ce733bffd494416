import { runFormula } from './adapter';
import { QUOTA_ATTAINMENT } from './quotaAttainment';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const attainment = (context: typeof fr, ...args: unknown[]) =>
  runFormula(QUOTA_ATTAINMENT, args, {}, context);

describe('QUOTA_ATTAINMENT', () => {
  it('is Σactual ÷ Σtarget', () => {
    expect(attainment(en, 45000, 60000)).toBe(0.75);
    expect(attainment(en, col(30000, 36000), col(20000, 20000, 20000))).toBe(1.1);
  });

  it('reads French money text (fr_FR)', () => {
    expect(attainment(fr, col('12 500 €', '2 500,00'), '20 000 €')).toBe(0.75);
  });

  it('reads English money text (en_US)', () => {
    expect(attainment(en, col('$12,500', '2,500.00'), '$20,000')).toBe(0.75);
  });

  it('returns "" when the target is 0: empty range, blanks only, zero', () => {
    expect(attainment(en, col(), col())).toBe('');
    expect(attainment(en, col(5), col('', '  '))).toBe('');
    expect(attainment(en, 5, 0)).toBe('');
  });

  it('handles one row', () => {
    expect(attainment(en, col(50), col(200))).toBe(0.25);
  });

  it('names argument, row and value of text that is not a number', () => {
    expect(() => attainment(en, col(1, 'TBD'), 10)).toThrow(
      'QUOTA_ATTAINMENT: actual, value 2: "TBD" is not a number',
    );
    expect(() => attainment(en, 10, col('x'))).toThrow(
      'QUOTA_ATTAINMENT: target, value 1: "x" is not a number',
    );
  });

  it('refuses a 2-D range and a missing target', () => {
    expect(() =>
      attainment(
        en,
        [
          [1, 2],
          [3, 4],
        ],
        10,
      ),
    ).toThrow('QUOTA_ATTAINMENT: actual must be a single column or row (got 2×2)');
    expect(() => attainment(en, 10)).toThrow('QUOTA_ATTAINMENT: target is required');
  });
});
