import { runFormula } from './adapter';
import { RETENTION_RATE } from './retentionRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const retention = (context: typeof fr, ...args: unknown[]) =>
  runFormula(RETENTION_RATE, args, {}, context);

// Before March: Acme, Beta, Delta. In March: Acme again, Gamma (new). Beta returns in April.
const customers = col('Acme', 'Beta', ' ACME ', 'Gamma', 'Delta', 'Beta', '', 'Epsilon');
const dates = col(
  '2024-01-15',
  '2024-02-10',
  '2024-03-05',
  '2024-03-20',
  '2024-02-29',
  '2024-04-01',
  '2024-03-10',
  '',
);

describe('RETENTION_RATE', () => {
  it('is the share of customers seen before start who come back in the period', () => {
    expect(retention(en, customers, dates, '2024-03-01', '2024-03-31')).toBeCloseTo(1 / 3);
  });

  it('counts rows dated exactly on start in the period, not before it', () => {
    const c = col('Acme', 'Acme', 'Beta');
    const d = col('2024-02-29', '2024-03-01', '2024-03-01');
    expect(retention(en, c, d, '2024-03-01', '2024-03-31')).toBe(1);
    expect(retention(en, c, d, '2024-03-02', '2024-03-31')).toBe(0);
  });

  it('includes the whole end day, across a daylight-saving change (Paris)', () => {
    const c = col('Acme', 'Acme', 'Beta', 'Beta');
    // 2025-03-30 is the spring-forward day; 22:00Z on the 31st is midnight in Paris.
    const d = col(
      new Date('2025-02-01T12:00:00Z'),
      new Date('2025-03-31T21:59:59Z'),
      new Date('2025-02-01T12:00:00Z'),
      new Date('2025-03-31T22:00:00Z'),
    );
    expect(retention(fr, c, d, '01/03/2025', '31/03/2025')).toBe(0.5);
  });

  it('with statuses, looks at won rows only on both sides', () => {
    const c = col('Acme', 'Acme', 'Beta', 'Beta', 'Gamma', 'Gamma');
    const d = col(
      '2024-01-10',
      '2024-03-10',
      '2024-01-10',
      '2024-03-10',
      '2024-01-10',
      '2024-03-10',
    );
    const s = col('Won', 'Won', 'Lost', 'Won', 'Won', 'Open');
    // Before: Acme, Gamma (Beta's only earlier row is lost). Back in March: Acme.
    expect(retention(en, c, d, '2024-03-01', '2024-03-31', s)).toBe(0.5);
    expect(retention(en, c, d, '2024-03-01', '2024-03-31', s, 'lost')).toBe(0);
  });

  it('does not read the date of rows it does not count', () => {
    const c = col('Acme', 'Acme', 'Beta', '');
    const d = col('2024-01-10', '2024-03-10', 'n/a', 'n/a');
    const s = col('won', 'won', 'lost', 'won');
    expect(retention(en, c, d, '2024-03-01', '2024-03-31', s)).toBe(1);
  });

  it('reads French text dates, serials and Date cells as the same days (fr_FR)', () => {
    const c = col('Société Générale', 'societe generale', 'Dupont-Martin', 'DUPONT MARTIN', 'Élan');
    const d = col(
      '15/01/2025',
      45731 /* 2025-03-15 */,
      new Date(2025, 0, 1),
      '31/03/2025',
      '10/02/2025',
    );
    expect(retention(fr, c, d, '01/03/2025', '31/03/2025')).toBeCloseTo(2 / 3);
  });

  it('reads month-first text dates (en_US)', () => {
    const c = col('Acme', 'Acme', 'Beta');
    const d = col('01/15/2025', '03/31/2025', '02/28/2025');
    expect(retention(en, c, d, '03/01/2025', '03/31/2025')).toBe(0.5);
  });

  it('accepts start and end as Date cells and serial numbers', () => {
    expect(retention(en, customers, dates, 45352, new Date(2024, 2, 31))).toBeCloseTo(1 / 3);
  });

  it('returns "" for an empty range, blanks only, or no customer before start', () => {
    expect(retention(en, col(), col(), '2024-03-01', '2024-03-31')).toBe('');
    expect(retention(en, col('', null, ' '), col('', '', null), '2024-03-01', '2024-03-31')).toBe(
      '',
    );
    expect(retention(en, col('Acme'), col('2024-03-05'), '2024-03-01', '2024-03-31')).toBe('');
  });

  it('handles one row', () => {
    expect(retention(en, 'Acme', '2024-01-05', '2024-03-01', '2024-03-31')).toBe(0);
  });

  it('puts a row with a customer but no date in no period', () => {
    expect(
      retention(en, col('Acme', 'Acme'), col('', '2024-03-05'), '2024-03-01', '2024-03-31'),
    ).toBe('');
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      retention(
        en,
        [
          ['a', 'b'],
          ['c', 'd'],
          ['e', 'f'],
        ],
        col(1, 2, 3),
        '2024-03-01',
        '2024-03-31',
      ),
    ).toThrow('RETENTION_RATE: customers must be a single column or row (got 3×2)');
  });

  it('refuses paired columns of different lengths, and a scalar for a range', () => {
    expect(() =>
      retention(
        en,
        col('a', 'b', 'c'),
        col('2024-01-01', '2024-01-02'),
        '2024-03-01',
        '2024-03-31',
      ),
    ).toThrow('RETENTION_RATE: customers has 3 rows but dates has 2');
    const d = col('2024-01-01', '2024-01-02', '2024-01-03');
    expect(() =>
      retention(en, col('a', 'b', 'c'), d, '2024-03-01', '2024-03-31', col('won', 'won')),
    ).toThrow('RETENTION_RATE: customers has 3 rows but statuses has 2');
    expect(() => retention(en, col('a', 'b', 'c'), d, '2024-03-01', '2024-03-31', 'won')).toThrow(
      'RETENTION_RATE: customers has 3 rows but statuses has 1',
    );
    expect(() =>
      retention(en, col('a', 'b', 'c'), '2024-01-01', '2024-03-01', '2024-03-31'),
    ).toThrow('RETENTION_RATE: customers has 3 rows but dates has 1');
  });

  it('names argument, row and value of a date that does not parse', () => {
    expect(() =>
      retention(en, col('a', 'b', 'c'), col('2024-01-01', '', 'n/a'), '2024-03-01', '2024-03-31'),
    ).toThrow('RETENTION_RATE: dates, value 3: "n/a" is not a date');
    expect(() => retention(fr, col('a'), col('03/31/2025'), '01/03/2025', '31/03/2025')).toThrow(
      'RETENTION_RATE: dates, valeur 1 : « 03/31/2025 » n’est pas une date',
    );
    expect(() => retention(en, col('a'), col(true), '2024-03-01', '2024-03-31')).toThrow(
      'RETENTION_RATE: dates, value 1: TRUE is not a date',
    );
  });

  it('refuses a bad, missing or reversed period', () => {
    expect(() => retention(en, customers, dates, 'soon', '2024-03-31')).toThrow(
      'RETENTION_RATE: start: "soon" is not a date',
    );
    expect(() => retention(en, customers, dates, '2024-03-01', '')).toThrow(
      'RETENTION_RATE: end is required',
    );
    expect(() => retention(en, customers, dates, '2024-03-01', '2024-02-01')).toThrow(
      'RETENTION_RATE: end 2024-02-01 is before start 2024-03-01',
    );
    expect(() =>
      retention(en, customers, dates, col('2024-03-01', '2024-03-02'), '2024-03-31'),
    ).toThrow('RETENTION_RATE: start: a range of 2 cells is not a date');
  });

  it('requires customers and dates', () => {
    expect(() => retention(en)).toThrow('RETENTION_RATE: customers is required');
  });
});
