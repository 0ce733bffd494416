import { analyzeSheet } from './analyzeSheet';

const en = { locale: 'en_US', timeZone: 'America/New_York' };

describe('analyzeSheet', () => {
  it('samples rows instead of reading everything', () => {
    const values: unknown[][] = [['Status', 'Amount']];
    for (let i = 0; i < 100000; i++) values.push([i % 2 ? 'Won' : 'Lost', i]);
    const analysis = analyzeSheet({ name: 'deals', values }, en);
    expect(analysis.sampleRows.length).toBe(200);
    expect(analysis.sampleRows[199]).toBe(200);
  });
});
