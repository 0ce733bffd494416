import { runFormula } from './adapter';
import { REVENUE } from './revenue';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const revenue = (context: typeof fr, ...args: unknown[]) => runFormula(REVENUE, args, {}, context);

describe('REVENUE', () => {
  const amounts = col(1000, '2,500.50', 300, -200, '', 700);
  const statuses = col('Won', 'Closed Won', 'Lost', 'won', 'Won', 'Open');

  it('sums the amounts of won rows, credit notes included', () => {
    expect(revenue(en, amounts, statuses)).toBe(3300.5);
  });

  it('sums every amount without statuses', () => {
    expect(revenue(en, amounts)).toBe(4300.5);
  });

  it('reads French amounts and labels (fr_FR)', () => {
    const frAmounts = col('1 234,50 €', '2\u00a0000 €', '999,99 €', '10 %', '5\u202f000 EUR');
    const frStatuses = col('  Gagné ', 'GAGNÉ', 'perdu', 'gagnee', 'En cours');
    expect(revenue(fr, frAmounts, frStatuses)).toBeCloseTo(3234.6, 10);
  });

  it('reads English amounts (en_US)', () => {
    expect(revenue(en, col('$1,234.50', 'USD 100', '1.5'), col('won', 'signed', 'win'))).toBe(1336);
  });

  it('takes custom won labels, one text or a range', () => {
    expect(revenue(en, col(10, 20, 30), col('Signed', 'Paid', 'Won'), 'paid')).toBe(20);
    expect(revenue(en, col(10, 20, 30), col('Signed', 'Paid', 'Won'), [['paid'], ['Signed']])).toBe(
      30,
    );
  });

  it('counts a label that is in both the won and the lost sets as won', () => {
    expect(revenue(en, col(10, 20), col('Lost', 'Won'), 'lost')).toBe(10);
  });

  it('treats a blank won_labels and a single blank statuses cell as not given', () => {
    expect(revenue(en, col(10, 20), col('Won', 'Lost'), [['']])).toBe(10);
    expect(revenue(en, 10, [['']])).toBe(10);
    expect(revenue(en, col(10, 20), null)).toBe(30);
  });

  it('returns 0 for an empty range', () => {
    expect(revenue(en, [])).toBe(0);
    expect(revenue(en, [], [])).toBe(0);
  });

  it('returns 0 for blanks only', () => {
    expect(revenue(en, col('', '  ', null))).toBe(0);
    expect(revenue(en, col('', '  ', null), col('', null, ' '))).toBe(0);
  });

  it('returns 0 when nothing is won', () => {
    expect(revenue(en, col(10, 20), col('Lost', 'Open'))).toBe(0);
  });

  it('works on one row, a scalar or a one-row range', () => {
    expect(revenue(en, 500, 'won')).toBe(500);
    expect(revenue(en, 500, 'lost')).toBe(0);
    expect(revenue(en, [[100, 200, 300]], [['won', 'lost', 'won']])).toBe(400);
  });

  it('refuses text in the amounts it sums, naming row and value', () => {
    expect(() => revenue(en, col(1, 2, 'n/a'))).toThrow(
      'REVENUE: amounts, value 3: "n/a" is not a number',
    );
    expect(() => revenue(en, col(1, true), col('won', 'won'))).toThrow(
      'REVENUE: amounts, value 2: TRUE is not a number',
    );
    expect(() => revenue(fr, col('1.5'), col('gagné'))).toThrow(
      'REVENUE: montants, valeur 1 : « 1.5 » n’est pas un nombre',
    );
  });

  it('reads amounts written in the other convention only when unambiguous', () => {
    // A currency sign, groups of three and two decimals: only one reading is possible.
    expect(revenue(fr, col('$24,000.00', '1 500,50 €'), col('gagné', 'gagné'))).toBe(25500.5);
    // One kind of separator: the French reading, 1.234.
    expect(revenue(fr, col('1,234'), col('gagné'))).toBe(1.234);
  });

  it('does not parse the amounts of rows that are not won', () => {
    expect(revenue(en, col(1, 'n/a', 'tbd', 4), col('won', 'lost', 'open', 'won'))).toBe(5);
  });

  it('skips blank rows and blank amounts on won rows', () => {
    expect(revenue(en, col(1, '', '', 4), col('won', '', 'won', 'won'))).toBe(5);
    expect(revenue(en, col(1, 5, 'n/a'), col('won', '', ' '))).toBe(1);
  });

  it('refuses a 2-D range', () => {
    expect(() =>
      revenue(en, [
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow('REVENUE: amounts must be a single column or row (got 3×2)');
    expect(() =>
      revenue(en, col(1, 2), [
        ['won', 'x'],
        ['y', 'z'],
      ]),
    ).toThrow('REVENUE: statuses must be a single column or row (got 2×2)');
  });

  it('refuses paired columns of different lengths, and a scalar where a range is paired', () => {
    expect(() => revenue(en, col(1, 2, 3), col('won', 'won'))).toThrow(
      'REVENUE: amounts has 3 rows but statuses has 2',
    );
    expect(() => revenue(en, col(1, 2, 3), 'won')).toThrow(
      'REVENUE: amounts has 3 rows but statuses has 1',
    );
  });

  it('requires amounts', () => {
    expect(() => revenue(en)).toThrow('REVENUE: amounts is required');
  });
});
