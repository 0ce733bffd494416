import { looksLikePeriod } from './period';

describe('looksLikePeriod', () => {
  it('accepts the period forms of data-model.md', () => {
    for (const text of ['2024-03', '03/2024', '2024-Q1', 'T1 2024', 'mars 2024', 'March 2024']) {
      expect(looksLikePeriod(text)).toBe(true);
    }
    for (const text of ['ACME', '2024', 'Q5 2024']) expect(looksLikePeriod(text)).toBe(false);
  });
});
