import { runFormula } from './adapter';
import { CHURN_RATE } from './churnRate';
import { RETENTION_RATE } from './retentionRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const churn = (context: typeof fr, ...args: unknown[]) => runFormula(CHURN_RATE, args, {}, context);

const customers = col('Acme', 'Beta', 'acme', 'Gamma', 'Delta', 'Beta');
const dates = col(
  '2024-01-15',
  '2024-02-10',
  '2024-03-05',
  '2024-03-20',
  '2024-02-29',
  '2024-04-01',
);

describe('CHURN_RATE', () => {
  it('is the share of earlier customers with no row in the period', () => {
    // Before March: Acme, Beta, Delta; only Acme comes back in March.
    expect(churn(en, customers, dates, '2024-03-01', '2024-03-31')).toBeCloseTo(2 / 3);
  });

  it('is exactly 1 − RETENTION_RATE with the same arguments', () => {
    const s = col('won', 'won', 'lost', 'won', 'won', 'won');
    for (const args of [
      [customers, dates, '2024-03-01', '2024-03-31'],
      [customers, dates, '2024-03-01', '2024-04-30', s],
      [customers, dates, '2024-02-01', '2024-02-29', s, [['won'], ['lost']]],
    ]) {
      const retention = runFormula(RETENTION_RATE, args, {}, en) as number;
      expect(churn(en, ...args)).toBeCloseTo(1 - retention);
    }
  });

  it('with statuses, looks at won rows only', () => {
    const s = col('Won', 'Won', 'Lost', 'Won', 'Won', 'Won');
    // Acme's March row is lost: all three earlier customers churn.
    expect(churn(en, customers, dates, '2024-03-01', '2024-03-31', s)).toBe(1);
  });

  it('reads French dates and labels (fr_FR)', () => {
    const c = col('Café Lumière', 'CAFE LUMIERE', 'Boulangerie_Paul');
    const d = col('20/12/2024', '05/01/2025', '2024-11-30');
    expect(churn(fr, c, d, '01/01/2025', '31/01/2025')).toBe(0.5);
  });

  it('reads month-first dates (en_US)', () => {
    const c = col('Acme', 'Acme', 'Beta');
    expect(
      churn(en, c, col('12/20/2024', '01/05/2025', '12/31/2024'), '01/01/2025', '01/31/2025'),
    ).toBe(0.5);
  });

  it('returns "" where retention is "" (empty, blanks only, nobody before start)', () => {
    expect(churn(en, col(), col(), '2024-03-01', '2024-03-31')).toBe('');
    expect(churn(en, col('', ''), col('', ''), '2024-03-01', '2024-03-31')).toBe('');
    expect(churn(en, col('Acme'), col('2024-03-05'), '2024-03-01', '2024-03-31')).toBe('');
  });

  it('handles one row', () => {
    expect(churn(en, 'Acme', '2024-01-05', '2024-03-01', '2024-03-31')).toBe(1);
  });

  it('reports errors with its own name', () => {
    expect(() =>
      churn(
        en,
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        col(1, 2),
        '2024-03-01',
        '2024-03-31',
      ),
    ).toThrow('CHURN_RATE: customers must be a single column or row (got 2×2)');
    expect(() => churn(en, col('a', 'b'), col('2024-01-01'), '2024-03-01', '2024-03-31')).toThrow(
      'CHURN_RATE: customers has 2 rows but dates has 1',
    );
    expect(() =>
      churn(en, col('a', 'b'), col('2024-01-01', 'n/a'), '2024-03-01', '2024-03-31'),
    ).toThrow('CHURN_RATE: dates, value 2: "n/a" is not a date');
    expect(() => churn(en, customers, dates, '2024-03-01', '2024-02-28')).toThrow(
      'CHURN_RATE: end 2024-02-28 is before start 2024-03-01',
    );
  });
});
