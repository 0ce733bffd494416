import { ACTIVE_CUSTOMERS } from './activeCustomers';
import { runFormula } from './adapter';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const active = (context: typeof fr, ...args: unknown[]) =>
  runFormula(ACTIVE_CUSTOMERS, args, {}, context);

describe('ACTIVE_CUSTOMERS', () => {
  const customers = col('Acme', 'ACME', 'Beta', 'Gamma', 'Delta', '', 'Eta');
  const dates = col(
    '2024-03-01',
    '2024-03-31 23:30',
    '2024-02-29',
    '2024-04-01',
    '2024-03-15',
    '2024-03-15',
    '',
  );

  it('counts distinct customers with a row in the period, both days included', () => {
    expect(active(en, customers, dates, '2024-03-01', '2024-03-31')).toBe(2); // Acme, Delta
    expect(active(en, customers, dates, '2024-02-01', '2024-04-30')).toBe(4);
  });

  it('with statuses, counts won rows only', () => {
    const s = col('Lost', 'Won', 'Won', 'Won', 'Open', 'Won', 'Won');
    expect(active(en, customers, dates, '2024-03-01', '2024-03-31', s)).toBe(1);
    expect(active(en, customers, dates, '2024-03-01', '2024-03-31', s, 'open')).toBe(1); // Delta
  });

  it('does not read dates of rows that do not count', () => {
    const s = col('won', 'lost');
    expect(
      active(en, col('Acme', 'Beta'), col('2024-03-02', 'n/a'), '2024-03-01', '2024-03-31', s),
    ).toBe(1);
  });

  it('reads French dates, serials and accented names (fr_FR)', () => {
    const c = col('Société Générale', 'SOCIETE GENERALE', 'Crédit Agricole', 'Orange');
    const d = col('15/03/2025', 45731, '28/02/2025', new Date('2025-03-31T21:00:00Z'));
    expect(active(fr, c, d, '01/03/2025', '31/03/2025')).toBe(2);
  });

  it('reads month-first dates (en_US)', () => {
    const c = col('Acme', 'Beta');
    expect(active(en, c, col('03/15/2025', '04/01/2025'), '03/01/2025', '03/31/2025')).toBe(1);
  });

  it('is 0 for an empty range and blanks only', () => {
    expect(active(en, col(), col(), '2024-03-01', '2024-03-31')).toBe(0);
    expect(active(en, col('', ''), col('', null), '2024-03-01', '2024-03-31')).toBe(0);
  });

  it('handles one row', () => {
    expect(active(en, 'Acme', '2024-03-05', '2024-03-01', '2024-03-31')).toBe(1);
    expect(active(en, col('Acme'), col('2024-05-05'), '2024-03-01', '2024-03-31')).toBe(0);
  });

  it('reports errors naming argument and row', () => {
    expect(() =>
      active(
        en,
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        col(1, 2),
        '2024-03-01',
        '2024-03-31',
      ),
    ).toThrow('ACTIVE_CUSTOMERS: customers must be a single column or row (got 2×2)');
    expect(() => active(en, col('a', 'b', 'c'), col(1, 2), '2024-03-01', '2024-03-31')).toThrow(
      'ACTIVE_CUSTOMERS: customers has 3 rows but dates has 2',
    );
    expect(() =>
      active(fr, col('a', 'b'), col('31/03/2025', '2025-13-01'), '01/03/2025', '31/03/2025'),
    ).toThrow('ACTIVE_CUSTOMERS: dates, valeur 2 : « 2025-13-01 » n’est pas une date');
    expect(() => active(en, col('a'), col(1), '2024-03-02', '2024-03-01')).toThrow(
      'ACTIVE_CUSTOMERS: end 2024-03-01 is before start 2024-03-02',
    );
  });
});
