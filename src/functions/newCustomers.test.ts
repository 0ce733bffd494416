import { runFormula } from './adapter';
import { NEW_CUSTOMERS } from './newCustomers';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const newCustomers = (context: typeof fr, ...args: unknown[]) =>
  runFormula(NEW_CUSTOMERS, args, {}, context);

const customers = col('Acme', 'Beta', 'acme', 'Gamma', 'Delta', 'Beta', 'Zeta', 'Eta', '');
const dates = col(
  '2024-03-15', // Acme's first row is in March...
  '2024-02-10',
  '2024-01-05', // ...no: this earlier row, listed later, makes Acme an old customer
  '2024-03-20',
  '2024-03-01',
  '2024-03-02',
  '2024-04-01',
  '',
  '2024-03-10',
);

describe('NEW_CUSTOMERS', () => {
  it('counts customers whose earliest row over all rows is in the period', () => {
    // Gamma and Delta; not Acme (January), Beta (February), Zeta (April), Eta (no date).
    expect(newCustomers(en, customers, dates, '2024-03-01', '2024-03-31')).toBe(2);
    expect(newCustomers(en, customers, dates, '2024-01-01', '2024-12-31')).toBe(5);
  });

  it('with statuses, uses each customer’s earliest won row', () => {
    const c = col('Acme', 'Acme', 'Beta', 'Beta', 'Gamma');
    const d = col('2024-01-10', '2024-03-10', '2024-02-10', '2024-04-10', '2024-03-05');
    const s = col('Lost', 'Won', 'Won', 'Won', 'Open');
    expect(newCustomers(en, c, d, '2024-03-01', '2024-03-31', s)).toBe(1); // Acme
    expect(newCustomers(en, c, d, '2024-03-01', '2024-03-31')).toBe(1); // Gamma
    expect(newCustomers(en, c, d, '2024-03-01', '2024-03-31', s, [['open'], ['won']])).toBe(2);
  });

  it('ignores rows it does not count without reading their dates', () => {
    const c = col('Acme', 'Beta', '');
    const d = col('2024-03-10', 'n/a', 'n/a');
    expect(newCustomers(en, c, d, '2024-03-01', '2024-03-31', col('won', 'lost', 'won'))).toBe(1);
  });

  it('includes the end day whole and excludes the next one (fr_FR, Paris)', () => {
    const c = col('Dupont', 'Durand', 'Élodie Martin', 'elodie  martin');
    const d = col(
      new Date('2025-03-31T21:59:59Z'), // 23:59:59 in Paris
      new Date('2025-03-31T22:00:00Z'), // 1 April in Paris
      '01/03/2025',
      45717, // 2025-03-01 again
    );
    expect(newCustomers(fr, c, d, '01/03/2025', '31/03/2025')).toBe(2);
  });

  it('reads month-first dates (en_US)', () => {
    const c = col('Acme', 'Beta', 'Beta');
    expect(
      newCustomers(
        en,
        c,
        col('03/31/2025', '03/01/2025', '02/28/2025'),
        '03/01/2025',
        '03/31/2025',
      ),
    ).toBe(1);
  });

  it('is 0 for an empty range, blanks only, and nobody new', () => {
    expect(newCustomers(en, col(), col(), '2024-03-01', '2024-03-31')).toBe(0);
    expect(newCustomers(en, col('', null), col(' ', ''), '2024-03-01', '2024-03-31')).toBe(0);
    expect(newCustomers(en, col('Acme'), col('2024-02-01'), '2024-03-01', '2024-03-31')).toBe(0);
  });

  it('handles one row', () => {
    expect(newCustomers(en, 'Acme', '2024-03-05', '2024-03-01', '2024-03-31')).toBe(1);
  });

  it('reports shape, pairing, date and period errors', () => {
    expect(() =>
      newCustomers(
        en,
        col('a'),
        [
          ['x', 'y'],
          ['z', 'w'],
        ],
        '2024-03-01',
        '2024-03-31',
      ),
    ).toThrow('NEW_CUSTOMERS: dates must be a single column or row (got 2×2)');
    expect(() =>
      newCustomers(
        en,
        col('a', 'b'),
        col('2024-03-01', '2024-03-02'),
        '2024-03-01',
        '2024-03-31',
        'won',
      ),
    ).toThrow('NEW_CUSTOMERS: customers has 2 rows but statuses has 1');
    expect(() =>
      newCustomers(en, col('a', 'b'), col('2024-03-01', 'soon'), '2024-03-01', '2024-03-31'),
    ).toThrow('NEW_CUSTOMERS: dates, value 2: "soon" is not a date');
    expect(() => newCustomers(en, col('a'), col('2024-03-01'), '2024-03-01', 'later')).toThrow(
      'NEW_CUSTOMERS: end: "later" is not a date',
    );
    expect(() => newCustomers(en, col('a'), col('2024-03-01'), '', '2024-03-31')).toThrow(
      'NEW_CUSTOMERS: start is required',
    );
  });
});
