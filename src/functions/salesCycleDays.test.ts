import { runFormula } from './adapter';
import { SALES_CYCLE_DAYS } from './salesCycleDays';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const salesCycleDays = (context: typeof fr, ...args: unknown[]) =>
  runFormula(SALES_CYCLE_DAYS, args, {}, context);

describe('SALES_CYCLE_DAYS', () => {
  // ISO text, month-first text, serial number (45658 is 2025-01-01), a row with no close
  // date, and a span over New York's spring-forward night (47 hours, 2 calendar days).
  const created = col('2025-01-01', '01/15/2025', 45658, '2025-03-01', '2025-03-08');
  const closed = col('2025-01-11', '02/14/2025', '2025-01-06', '', '2025-03-10');
  const statuses = col('Won', 'Closed Won', 'Lost', 'Won', 'won');

  it('averages whole days over won rows having both dates (en_US)', () => {
    expect(salesCycleDays(en, created, closed, statuses)).toBe((10 + 30 + 2) / 3);
  });

  it('averages every row having both dates without statuses', () => {
    expect(salesCycleDays(en, created, closed)).toBe((10 + 30 + 5 + 2) / 4);
  });

  it('reads day-first dates and French labels (fr_FR), across the autumn clock change', () => {
    expect(
      salesCycleDays(
        fr,
        col('31/03/2025', '25/10/2025', '01/01/2025'),
        col('30/04/2025', '27/10/2025', '31/12/2025'),
        col(' Gagné', 'SIGNÉE', 'perdu'),
      ),
    ).toBe(16);
  });

  it('takes Date cells as they are', () => {
    const start = new Date('2025-06-01T04:00:00Z'); // midnight in New York
    const end = new Date('2025-06-08T04:00:00Z');
    expect(salesCycleDays(en, [[start]], [[end]], [['won']])).toBe(7);
  });

  it('rounds each deal to whole days before averaging', () => {
    expect(salesCycleDays(en, col('2025-01-01 08:00'), col('2025-01-02 20:00'))).toBe(2);
    expect(salesCycleDays(en, col('2025-01-01 08:00'), col('2025-01-02 07:00'))).toBe(1);
  });

  it('takes custom won labels', () => {
    expect(
      salesCycleDays(
        en,
        col('2025-01-01', '2025-01-01'),
        col('2025-01-05', '2025-01-03'),
        col('Paid', 'Won'),
        'paid',
      ),
    ).toBe(4);
  });

  it('returns "" when no won row has both dates (zero denominator)', () => {
    expect(
      salesCycleDays(en, col('2025-01-01', ''), col('', '2025-01-03'), col('won', 'won')),
    ).toBe('');
    expect(salesCycleDays(en, col('2025-01-01'), col('2025-01-03'), col('lost'))).toBe('');
  });

  it('returns "" for an empty range and for blanks only', () => {
    expect(salesCycleDays(en, [], [])).toBe('');
    expect(salesCycleDays(en, col('', ' '), col(null, ''), col('', ''))).toBe('');
  });

  it('works on one row, including a same-day close', () => {
    expect(salesCycleDays(en, '2025-05-01', '2025-05-31', 'won')).toBe(30);
    expect(salesCycleDays(en, '2025-05-01', '2025-05-01')).toBe(0);
  });

  it('refuses text that is not a date in a row it uses, naming argument, row and value', () => {
    expect(() =>
      salesCycleDays(en, col('2025-01-01', '31/03/2025'), col('2025-01-02', '2025-04-01')),
    ).toThrow('SALES_CYCLE_DAYS: created, value 2: "31/03/2025" is not a date');
    expect(() => salesCycleDays(fr, col('01/01/2025'), col('bientôt'), col('gagné'))).toThrow(
      'SALES_CYCLE_DAYS: dates de signature, valeur 1 : « bientôt » n’est pas une date',
    );
    expect(() => salesCycleDays(en, col(true), col('2025-01-01'))).toThrow(
      'SALES_CYCLE_DAYS: created, value 1: TRUE is not a date',
    );
  });

  it('does not parse the dates of rows it does not use', () => {
    expect(
      salesCycleDays(
        en,
        col('2025-01-01', 'soon', 'n/a'),
        col('2025-01-03', '2025-01-01', ''),
        col('won', 'lost', 'won'),
      ),
    ).toBe(2);
  });

  it('refuses a close date before the creation date, naming the row', () => {
    expect(() =>
      salesCycleDays(
        en,
        col('2025-01-01', '2025-01-05'),
        col('2025-01-02', '2025-01-01'),
        col('won', 'won'),
      ),
    ).toThrow('SALES_CYCLE_DAYS: closed, value 2: 2025-01-01 is before created 2025-01-05');
  });

  it('refuses a 2-D range and paired columns of different lengths', () => {
    expect(() =>
      salesCycleDays(
        en,
        [
          [1, 2],
          [3, 4],
        ],
        col(1, 2),
      ),
    ).toThrow('SALES_CYCLE_DAYS: created must be a single column or row (got 2×2)');
    expect(() => salesCycleDays(en, col(1, 2), col(3))).toThrow(
      'SALES_CYCLE_DAYS: created has 2 rows but closed has 1',
    );
    expect(() => salesCycleDays(en, col(1, 2), col(3, 4), 'won')).toThrow(
      'SALES_CYCLE_DAYS: created has 2 rows but statuses has 1',
    );
  });

  it('requires created and closed', () => {
    expect(() => salesCycleDays(en)).toThrow('SALES_CYCLE_DAYS: created is required');
    expect(() => salesCycleDays(en, col(1))).toThrow('SALES_CYCLE_DAYS: closed is required');
  });
});
