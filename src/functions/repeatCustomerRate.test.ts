import { runFormula } from './adapter';
import { REPEAT_CUSTOMER_RATE } from './repeatCustomerRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const repeat = (context: typeof fr, ...args: unknown[]) =>
  runFormula(REPEAT_CUSTOMER_RATE, args, {}, context);

describe('REPEAT_CUSTOMER_RATE', () => {
  it('is customers with two rows or more ÷ distinct customers', () => {
    // Acme ×3, Beta ×1, Gamma ×2, Delta ×1: 2 of 4.
    expect(repeat(en, col('Acme', 'Beta', 'acme', 'Gamma', '', 'GAMMA', 'Delta', 'Acme '))).toBe(
      0.5,
    );
  });

  it('with statuses, counts won rows only on both sides', () => {
    const c = col('Acme', 'Acme', 'Beta', 'Beta', 'Gamma', 'Gamma', 'Delta');
    const s = col('Won', 'Won', 'Won', 'Lost', 'Open', 'Lost', 'Won');
    // Won rows: Acme ×2, Beta ×1, Delta ×1; Gamma has none and is not counted.
    expect(repeat(en, c, s)).toBeCloseTo(1 / 3);
    expect(repeat(en, c, s, [['won'], ['lost']])).toBe(0.5);
  });

  it('compares French names ignoring accents, case and separators (fr_FR)', () => {
    const c = col('Société Générale', 'SOCIETE-GENERALE', 'Crédit  Agricole', 'Orange');
    const s = col('Gagné', 'signée', 'gagne', 'Perdu');
    expect(repeat(fr, c, s)).toBe(0.5);
  });

  it('reads a one-row range (en_US)', () => {
    expect(repeat(en, [['Acme', 'Beta', 'Acme']], [['Won', 'Won', 'Closed Won']])).toBe(0.5);
  });

  it('returns "" for an empty range, blanks only, or no won row', () => {
    expect(repeat(en, col())).toBe('');
    expect(repeat(en, col('', null, '  '))).toBe('');
    expect(repeat(en, col('Acme', 'Acme'), col('Lost', 'Open'))).toBe('');
  });

  it('handles one row', () => {
    expect(repeat(en, 'Acme')).toBe(0);
    expect(repeat(en, col('Acme'), col('won'))).toBe(0);
  });

  it('refuses a 2-D range and unpaired statuses', () => {
    expect(() =>
      repeat(en, [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ]),
    ).toThrow('REPEAT_CUSTOMER_RATE: customers must be a single column or row (got 2×3)');
    expect(() => repeat(en, col('a', 'b', 'c'), col('won', 'won'))).toThrow(
      'REPEAT_CUSTOMER_RATE: customers has 3 rows but statuses has 2',
    );
    expect(() => repeat(en, col('a', 'b'), 'won')).toThrow(
      'REPEAT_CUSTOMER_RATE: customers has 2 rows but statuses has 1',
    );
  });

  it('treats a blank statuses cell as not given', () => {
    expect(repeat(en, col('a', 'a'), [['']])).toBe(1);
  });
});
