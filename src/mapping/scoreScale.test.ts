import { detectScoreScale } from './scoreScale';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };

describe('detectScoreScale', () => {
  it('tells 1–5 from 0–10', () => {
    expect(detectScoreScale([1, 2, 5, '3', ''], fr)).toBe('1-5');
    expect(detectScoreScale([0, 7, 10], fr)).toBe('0-10');
    expect(detectScoreScale(['8', '9'], en)).toBe('0-10');
  });

  it('gives up on no scores or scores outside 0–10', () => {
    expect(detectScoreScale(['', 'bien'], fr)).toBeUndefined();
    expect(detectScoreScale([4, 42], fr)).toBeUndefined();
  });
});
