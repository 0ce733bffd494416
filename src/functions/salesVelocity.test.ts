import { runFormula } from './adapter';
import { SALES_VELOCITY } from './salesVelocity';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const salesVelocity = (context: typeof fr, ...args: unknown[]) =>
  runFormula(SALES_VELOCITY, args, {}, context);

describe('SALES_VELOCITY', () => {
  const amounts = col(1000, 3000, 5000, 2000, 'n/a', 4000);
  const statuses = col('Won', 'Closed Won', 'Lost', 'Open', 'Proposal', 'Negotiation');
  const created = col('2025-01-01', '2025-02-01', 'x', '2025-04-01', '', '');
  const closed = col('2025-01-11', '2025-03-03', 'y', '', '', '');

  it('is open deals × average won deal × win rate ÷ won cycle (en_US)', () => {
    // 3 open × 2000 × 2/3 ÷ 20 days; open and lost rows' amounts and dates are not read.
    expect(salesVelocity(en, amounts, statuses, created, closed)).toBeCloseTo(200, 10);
  });

  it('uses custom won and lost labels for every part', () => {
    // Negotiation now lost too: 2 open × 2000 × 2/4 ÷ 20.
    expect(
      salesVelocity(
        en,
        amounts,
        statuses,
        created,
        closed,
        [['won', 'closed won']],
        [['lost', 'negotiation']],
      ),
    ).toBeCloseTo(100, 10);
  });

  it('reads French amounts, dates and labels (fr_FR)', () => {
    expect(
      salesVelocity(
        fr,
        col('1 234,50 €', '765,50 €', '9 999 €', '100 %'),
        col('Gagné', 'signée', 'PERDU', 'En cours'),
        col('01/03/2025', '31/03/2025', '', ''),
        col('11/03/2025', '10/04/2025', '', ''),
      ),
    ).toBeCloseTo((1 * 1000 * (2 / 3)) / 10, 10);
  });

  it('is 0 when no deal is open, even when a ratio in it has no denominator', () => {
    expect(salesVelocity(en, col(1000), col('won'), col('2025-01-01'), col('2025-01-11'))).toBe(0);
    expect(salesVelocity(en, col(1000), col('lost'), col(''), col(''))).toBe(0);
  });

  it('returns 0 for an empty range and for blanks only (no open deal)', () => {
    expect(salesVelocity(en, [], [], [], [])).toBe(0);
    expect(salesVelocity(en, col('', ' '), col('', ''), col('', ''), col(null, ''))).toBe(0);
  });

  it('returns "" when a ratio has no denominator or the cycle is 0', () => {
    // Nothing won: no average deal size.
    expect(salesVelocity(en, col(10, 20), col('open', 'lost'), col('', ''), col('', ''))).toBe('');
    // Won deals without both dates: no cycle.
    expect(
      salesVelocity(en, col(10, 20), col('open', 'won'), col('', '2025-01-01'), col('', '')),
    ).toBe('');
    // Won deal with a blank amount: no average deal size.
    expect(
      salesVelocity(
        en,
        col(10, ''),
        col('open', 'won'),
        col('', '2025-01-01'),
        col('', '2025-01-05'),
      ),
    ).toBe('');
    // Closed the day it was created: a 0-day cycle.
    expect(
      salesVelocity(
        en,
        col(10, 20),
        col('open', 'won'),
        col('', '2025-01-01'),
        col('', '2025-01-01'),
      ),
    ).toBe('');
  });

  it('works on one row per status', () => {
    expect(
      salesVelocity(
        en,
        col(500, 800),
        col('Open', 'Won'),
        col('', '2025-01-01'),
        col('', '2025-01-05'),
      ),
    ).toBe(200);
  });

  it('refuses text in the amounts and dates of won rows, naming argument, row and value', () => {
    expect(() =>
      salesVelocity(
        en,
        col('abc', 1),
        col('won', 'open'),
        col('2025-01-01', ''),
        col('2025-01-02', ''),
      ),
    ).toThrow('SALES_VELOCITY: amounts, value 1: "abc" is not a number');
    expect(() =>
      salesVelocity(en, col(1, 1), col('won', 'open'), col('someday', ''), col('2025-01-02', '')),
    ).toThrow('SALES_VELOCITY: created, value 1: "someday" is not a date');
  });

  it('refuses a close date before the creation date on a won row', () => {
    expect(() =>
      salesVelocity(
        en,
        col(1, 1),
        col('open', 'won'),
        col('', '2025-02-01'),
        col('', '2025-01-31'),
      ),
    ).toThrow('SALES_VELOCITY: closed, value 2: 2025-01-31 is before created 2025-02-01');
  });

  it('refuses a 2-D range and paired columns of different lengths', () => {
    expect(() =>
      salesVelocity(en, col(1), col('won'), col(1), [
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('SALES_VELOCITY: closed must be a single column or row (got 2×2)');
    expect(() => salesVelocity(en, col(1, 2), col('won', 'open'), col(1, 2), col(3))).toThrow(
      'SALES_VELOCITY: amounts has 2 rows but closed has 1',
    );
    expect(() => salesVelocity(en, col(1, 2), 'won', col(1, 2), col(3, 4))).toThrow(
      'SALES_VELOCITY: amounts has 2 rows but statuses has 1',
    );
  });

  it('requires amounts, statuses, created and closed', () => {
    expect(() => salesVelocity(en)).toThrow('SALES_VELOCITY: amounts is required');
    expect(() => salesVelocity(en, 1, 'won', '2025-01-01')).toThrow(
      'SALES_VELOCITY: closed is required',
    );
  });
});
