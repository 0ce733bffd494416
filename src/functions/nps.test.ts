import { runFormula } from './adapter';
import { NPS } from './nps';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const nps = (context: typeof fr, ...args: unknown[]) => runFormula(NPS, args, {}, context);

describe('NPS', () => {
  it('is (% of 9–10 − % of 0–6) over non-blank scores', () => {
    // Promoters 10, 9, 9; passives 8, 7; detractors 6, 0, 3: (3 − 3) ÷ 8.
    expect(nps(en, col(10, 9, 8, 7, 6, 0, '', 9, 3))).toBe(0);
    // Promoters 3 of 5, detractors 1 of 5: 40.
    expect(nps(en, col(10, 9, 9, 7, 2))).toBeCloseTo(40);
  });

  it('spans −100 to 100', () => {
    expect(nps(en, col(9, 10, 10))).toBe(100);
    expect(nps(en, col(0, 6, 3))).toBe(-100);
  });

  it('counts passives in the total only, including fractional scores', () => {
    expect(nps(en, col(9, 8.5, 6.5, 7))).toBe(25);
  });

  it('reads scores typed as text (fr_FR and en_US)', () => {
    expect(nps(fr, col('9', '10', ' 6 ', '7,5'))).toBe(25);
    expect(nps(en, col('9', '10', '6', '7.5'))).toBe(25);
  });

  it('returns "" for an empty range and blanks only', () => {
    expect(nps(en, col())).toBe('');
    expect(nps(en, col('', null, '  '))).toBe('');
    expect(nps(en, '')).toBe('');
  });

  it('handles one row', () => {
    expect(nps(en, 9)).toBe(100);
    expect(nps(en, col(7))).toBe(0);
  });

  it('refuses a score outside 0–10, naming row and value', () => {
    expect(() => nps(en, col(9, 10, 11))).toThrow(
      'NPS: scores, value 3: 11 is outside the 0–10 scale',
    );
    expect(() => nps(en, col(9, '-1'))).toThrow(
      'NPS: scores, value 2: "-1" is outside the 0–10 scale',
    );
  });

  it('refuses text that is not a number', () => {
    expect(() => nps(en, col(9, 'n/a'))).toThrow('NPS: scores, value 2: "n/a" is not a number');
    expect(() => nps(fr, col(true))).toThrow('NPS: notes, valeur 1 : VRAI n’est pas un nombre');
  });

  it('refuses a 2-D range and a missing argument', () => {
    expect(() =>
      nps(en, [
        [9, 10],
        [8, 7],
      ]),
    ).toThrow('NPS: scores must be a single column or row (got 2×2)');
    expect(() => nps(en)).toThrow('NPS: scores is required');
  });
});
