import { runFormula } from './adapter';
import { AVERAGE_DEAL_SIZE } from './averageDealSize';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const averageDealSize = (context: typeof fr, ...args: unknown[]) =>
  runFormula(AVERAGE_DEAL_SIZE, args, {}, context);

describe('AVERAGE_DEAL_SIZE', () => {
  it('is revenue ÷ won rows with an amount; a blank amount is not a deal of size 0', () => {
    const amounts = col(1000, '2,500.50', 300, -200, '', 700);
    const statuses = col('Won', 'Closed Won', 'Lost', 'won', 'Won', 'Open');
    expect(averageDealSize(en, amounts, statuses)).toBeCloseTo(3300.5 / 3, 10);
  });

  it('averages every non-blank amount without statuses', () => {
    expect(averageDealSize(en, col(100, '', 200, '  ', 600))).toBe(300);
  });

  it('reads French amounts and labels (fr_FR)', () => {
    expect(
      averageDealSize(
        fr,
        col('1 234,50 €', '765,50 €', '9 999 €'),
        col('Gagné', 'SIGNÉE', 'perdu'),
      ),
    ).toBe(1000);
  });

  it('reads English amounts and labels (en_US)', () => {
    expect(averageDealSize(en, col('$1,000.00', '£3,000'), col('closed-won', 'WON'))).toBe(2000);
  });

  it('takes custom won labels', () => {
    expect(averageDealSize(en, col(10, 20, 40), col('Paid', 'Won', 'paid'), 'paid')).toBe(25);
  });

  it('returns "" when no won row has an amount (zero denominator)', () => {
    expect(averageDealSize(en, col(10, 20), col('Lost', 'Open'))).toBe('');
    expect(averageDealSize(en, col('', 20), col('won', 'lost'))).toBe('');
  });

  it('returns "" for an empty range and for blanks only', () => {
    expect(averageDealSize(en, [])).toBe('');
    expect(averageDealSize(en, col('', null, ' '), col('', '', ''))).toBe('');
    expect(averageDealSize(en, '')).toBe('');
  });

  it('works on one row', () => {
    expect(averageDealSize(en, 750, 'won')).toBe(750);
    expect(averageDealSize(en, 750)).toBe(750);
  });

  it('refuses text in the amounts it averages, and only those', () => {
    expect(() => averageDealSize(en, col(1, 'n/a'), col('won', 'won'))).toThrow(
      'AVERAGE_DEAL_SIZE: amounts, value 2: "n/a" is not a number',
    );
    expect(averageDealSize(en, col(1, 'n/a'), col('won', 'lost'))).toBe(1);
    expect(() => averageDealSize(en, col(1, 'n/a'))).toThrow(
      'AVERAGE_DEAL_SIZE: amounts, value 2: "n/a" is not a number',
    );
  });

  it('refuses a 2-D range and paired columns of different lengths', () => {
    expect(() =>
      averageDealSize(en, [
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('AVERAGE_DEAL_SIZE: amounts must be a single column or row (got 2×2)');
    expect(() => averageDealSize(en, col(1, 2), col('won'))).toThrow(
      'AVERAGE_DEAL_SIZE: amounts has 2 rows but statuses has 1',
    );
    expect(() => averageDealSize(en, col(1, 2), 'won')).toThrow(
      'AVERAGE_DEAL_SIZE: amounts has 2 rows but statuses has 1',
    );
  });

  it('requires amounts', () => {
    expect(() => averageDealSize(en)).toThrow('AVERAGE_DEAL_SIZE: amounts is required');
  });
});
