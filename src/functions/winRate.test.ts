import { runFormula } from './adapter';
import { WIN_RATE } from './winRate';

const fr = { locale: 'fr_FR', timeZone: 'Europe/Paris' };
const en = { locale: 'en_US', timeZone: 'America/New_York' };
const col = (...values: unknown[]) => values.map((v) => [v]);
const winRate = (context: typeof fr, ...args: unknown[]) => runFormula(WIN_RATE, args, {}, context);

describe('WIN_RATE', () => {
  it('is won ÷ (won + lost), open deals excluded', () => {
    expect(winRate(en, col('Won', 'Lost', 'Open', 'won', 'Negotiation'))).toBeCloseTo(2 / 3);
  });

  it('normalises French labels with stray case, accents and spaces', () => {
    expect(winRate(fr, col('  Gagné ', 'gagne', 'GAGNÉ', 'PERDU', 'En cours'))).toBe(0.75);
  });

  it('takes custom won and lost labels, one text or a range', () => {
    expect(winRate(en, col('Signed', 'Dead', 'Dead', 'Won'), 'signed', [['dead']])).toBeCloseTo(
      1 / 3,
    );
  });

  it('treats a blank won_labels as the default set', () => {
    expect(winRate(en, col('Closed-Won', 'closed_lost'), [['']])).toBe(0.5);
  });

  it('counts a label in both sets as won', () => {
    expect(winRate(en, col('x', 'y'), 'x', [['x'], ['y']])).toBe(0.5);
  });

  it('reads a one-row range and a scalar', () => {
    expect(winRate(en, [['won', 'lost', 'lost', 'won']])).toBe(0.5);
    expect(winRate(en, 'won')).toBe(1);
  });

  it('returns "" when nothing is won or lost', () => {
    expect(winRate(en, col('Open', '', '  '))).toBe('');
    expect(winRate(en, col())).toBe('');
    expect(winRate(en, '')).toBe('');
  });

  it('refuses a 2-D range, naming the function and the shape', () => {
    const grid = Array.from({ length: 12 }, () => ['won', 'lost', 'open']);
    expect(() => winRate(en, grid)).toThrow(
      'WIN_RATE: statuses must be a single column or row (got 12×3)',
    );
  });
});
