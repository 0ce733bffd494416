import { addCalendarDay, isoDay, midnightOf, NOT_A_DATE, parseDate, wallDateOf } from './dates';

const PARIS = 'Europe/Paris';
const NY = 'America/New_York';

describe('parseDate', () => {
  it('uses Date values as they are', () => {
    const d = new Date('2024-03-01T10:20:00Z');
    expect(parseDate(d, false, PARIS)).toBe(d.getTime());
  });

  it('reads serial numbers as wall-clock days in the zone', () => {
    // 45352 is 2024-03-01.
    expect(parseDate(45352, false, PARIS)).toBe(Date.parse('2024-02-29T23:00:00Z'));
    expect(parseDate(45352, true, NY)).toBe(Date.parse('2024-03-01T05:00:00Z'));
    expect(parseDate(45352.5, false, 'UTC')).toBe(Date.parse('2024-03-01T12:00:00Z'));
  });

  it('makes a serial, an ISO text and a local text the same day', () => {
    for (const zone of [PARIS, NY, 'Asia/Tokyo', 'UTC', 'Australia/Lord_Howe']) {
      const serial = parseDate(45352, false, zone);
      expect(parseDate('2024-03-01', false, zone)).toBe(serial);
      expect(parseDate('01/03/2024', false, zone)).toBe(serial);
      expect(parseDate('03/01/2024', true, zone)).toBe(serial);
      expect(parseDate('1.3.2024', false, zone)).toBe(serial);
    }
  });

  it('reads DD/MM/YYYY outside en_US and MM/DD/YYYY in en_US', () => {
    expect(isoDay(parseDate('31/03/2025', false, PARIS) as number, PARIS)).toBe('2025-03-31');
    expect(parseDate('31/03/2025', true, PARIS)).toBe(NOT_A_DATE);
    expect(isoDay(parseDate('03/31/2025', true, NY) as number, NY)).toBe('2025-03-31');
  });

  it('accepts an ISO date with a time', () => {
    expect(parseDate('2024-03-01 14:30', false, 'UTC')).toBe(Date.parse('2024-03-01T14:30:00Z'));
    expect(parseDate('2024-03-01T14:30:15', false, PARIS)).toBe(Date.parse('2024-03-01T13:30:15Z'));
  });

  it('refuses impossible days, other text, booleans', () => {
    for (const bad of [
      '2024-02-30',
      '32/01/2024',
      'mars 2024',
      'n/a',
      '2024/03/01x',
      '2024-13-01',
    ]) {
      expect(parseDate(bad, false, PARIS)).toBe(NOT_A_DATE);
    }
    expect(parseDate(true, false, PARIS)).toBe(NOT_A_DATE);
    expect(parseDate(new Date(NaN), false, PARIS)).toBe(NOT_A_DATE);
  });

  it('reads blanks as no value', () => {
    expect(parseDate('', false, PARIS)).toBeNull();
    expect(parseDate('  ', false, PARIS)).toBeNull();
    expect(parseDate(null, false, PARIS)).toBeNull();
  });
});

describe('calendar arithmetic in a zone', () => {
  it('adds one calendar day across daylight-saving changes', () => {
    const beforeSpring = midnightOf(2024, 3, 31, PARIS); // 23-hour day
    expect(addCalendarDay(beforeSpring, PARIS) - beforeSpring).toBe(23 * 3600000);
    const beforeAutumn = midnightOf(2024, 10, 27, PARIS); // 25-hour day
    expect(addCalendarDay(beforeAutumn, PARIS) - beforeAutumn).toBe(25 * 3600000);
  });

  it('gives back the wall-clock date of an instant', () => {
    expect(wallDateOf(Date.parse('2024-02-29T23:30:00Z'), PARIS)).toEqual({
      year: 2024,
      month: 3,
      day: 1,
    });
    expect(wallDateOf(Date.parse('2024-02-29T23:30:00Z'), NY)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
  });

  it('resolves a midnight skipped by daylight saving to the first valid instant', () => {
    // Santiago jumped from 00:00 to 01:00 on 2024-09-08.
    const ms = midnightOf(2024, 9, 8, 'America/Santiago');
    expect(wallDateOf(ms, 'America/Santiago')).toEqual({ year: 2024, month: 9, day: 8 });
  });
});
