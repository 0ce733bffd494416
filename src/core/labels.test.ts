import fc from 'fast-check';
import { normalizeLabel } from './labels';

// The rule written out slowly, to check the memoised and fast paths against.
const reference = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f_-]+/g, ' ')
    .trim();

describe('normalizeLabel', () => {
  it('makes "  Gagné ", "gagne" and "GAGNÉ" the same label', () => {
    expect(new Set(['  Gagné ', 'gagne', 'GAGNÉ'].map(normalizeLabel))).toEqual(new Set(['gagne']));
  });

  it('collapses runs of spaces, "-" and "_"', () => {
    expect(normalizeLabel('Closed-Won')).toBe('closed won');
    expect(normalizeLabel('closed _ - won')).toBe('closed won');
    expect(normalizeLabel('Salon\u00a0Maison&Objet')).toBe('salon maison&objet');
  });

  it('reads blanks and non-text as text', () => {
    expect(normalizeLabel('')).toBe('');
    expect(normalizeLabel(null)).toBe('');
    expect(normalizeLabel(42)).toBe('42');
  });

  it('agrees with the rule on any text, ASCII or not', () => {
    const chars = fc.constantFrom(...'aAeÉé -_ZzÇç9.&\u00a0\t'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars }), fc.string(), (accented, any) => {
        expect(normalizeLabel(accented)).toBe(reference(accented));
        expect(normalizeLabel(any)).toBe(reference(any));
      }),
    );
  });
});
