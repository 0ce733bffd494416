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

  it('finds midnight on the day clocks go back east of UTC (the change is the UTC day before)', () => {
    // Auckland: 03:00 NZDT (+13) became 02:00 NZST (+12) on 2026-04-05, at 14:00 UTC on
    // the 4th. Midnight of the 5th is still NZDT: 2026-04-04T11:00Z.
    expect(new Date(midnightOf(2026, 4, 5, 'Pacific/Auckland')).toISOString()).toBe(
      '2026-04-04T11:00:00.000Z',
    );
    // Sydney: 03:00 AEDT (+11) became 02:00 AEST (+10) on 2026-04-05.
    expect(new Date(midnightOf(2026, 4, 5, 'Australia/Sydney')).toISOString()).toBe(
      '2026-04-04T13:00:00.000Z',
    );
    // The day after, and the day clocks go forward, are unchanged.
    expect(new Date(midnightOf(2026, 4, 6, 'Pacific/Auckland')).toISOString()).toBe(
      '2026-04-05T12:00:00.000Z',
    );
    expect(new Date(midnightOf(2026, 9, 27, 'Pacific/Auckland')).toISOString()).toBe(
      '2026-09-26T12:00:00.000Z',
    );
    const day = midnightOf(2026, 4, 5, 'Pacific/Auckland');
    expect(isoDay(day, 'Pacific/Auckland')).toBe('2026-04-05');
    expect(isoDay(day - 1, 'Pacific/Auckland')).toBe('2026-04-04');
    expect(addCalendarDay(day, 'Pacific/Auckland') - day).toBe(25 * 3600000);
  });
});

describe('parseDate: dates as CRMs export them', () => {
  it('reads an ISO instant with a UTC offset as that instant', () => {
    const utc = Date.parse('2024-01-22T16:14:25Z');
    expect(parseDate('2024-01-22T16:14:25.000+0000', 'dmy', PARIS)).toBe(utc);
    expect(parseDate('2024-01-22T16:14:25Z', 'mdy', NY)).toBe(utc);
    expect(parseDate('2024-01-22T17:14:25+01:00', 'dmy', 'UTC')).toBe(utc);
    expect(parseDate('2024-01-22T11:14:25-05', 'dmy', 'UTC')).toBe(utc);
    // 23:30 UTC is already the next day in Paris.
    const late = parseDate('2024-01-22T23:30:00.000+0000', 'dmy', PARIS) as number;
    expect(isoDay(late, PARIS)).toBe('2024-01-23');
    expect(parseDate('2024-01-22T16:14:25+2500', 'dmy', PARIS)).toBe(NOT_A_DATE);
  });

  it('reads a date and time without offset as wall clock in the zone', () => {
    expect(parseDate('2025-01-07 10:00:00', 'dmy', PARIS)).toBe(Date.parse('2025-01-07T09:00:00Z'));
    expect(parseDate('2017-03-01', 'mdy', NY)).toBe(midnightOf(2017, 3, 1, NY));
    expect(parseDate('3/1/2017', 'mdy', NY)).toBe(midnightOf(2017, 3, 1, NY));
    expect(parseDate('3/1/2017 2:05 PM', 'mdy', 'UTC')).toBe(Date.parse('2017-03-01T14:05:00Z'));
    expect(parseDate('3/1/2017 12:05 AM', 'mdy', 'UTC')).toBe(Date.parse('2017-03-01T00:05:00Z'));
    expect(parseDate('3/1/2017 13:05 PM', 'mdy', 'UTC')).toBe(NOT_A_DATE);
  });

  it('reads year-first dates in every locale and only those in ja, zh, ko', () => {
    const day = midnightOf(2025, 3, 31, 'Asia/Tokyo');
    expect(parseDate('2025/03/31', 'ymd', 'Asia/Tokyo')).toBe(day);
    expect(parseDate('2025.3.31', 'ymd', 'Asia/Tokyo')).toBe(day);
    expect(parseDate('2025/03/31', 'dmy', 'Asia/Tokyo')).toBe(day);
    expect(parseDate('31/03/2025', 'ymd', 'Asia/Tokyo')).toBe(NOT_A_DATE);
    expect(parseDate('2025/03-31', 'ymd', 'Asia/Tokyo')).toBe(NOT_A_DATE);
  });
});

describe('parseDate: outside 1900–9999 is not a date', () => {
  it('refuses years 0000–1899 instead of moving them to 1900–1999', () => {
    for (const bad of ['0050-03-01', '0000-01-01', '0099-12-31', '1899-12-31', '01/03/0050']) {
      expect([bad, parseDate(bad, 'dmy', PARIS)]).toEqual([bad, NOT_A_DATE]);
    }
    expect(isoDay(parseDate('1900-01-01', 'dmy', PARIS) as number, PARIS)).toBe('1900-01-01');
    expect(isoDay(parseDate('9999-12-31', 'dmy', PARIS) as number, PARIS)).toBe('9999-12-31');
  });

  it('refuses serials beyond the range, such as a phone number in a date column', () => {
    for (const bad of [612345678, 1e10, -1, 0, 1, 2958466, Infinity, NaN]) {
      expect([bad, parseDate(bad, 'dmy', PARIS)]).toEqual([bad, NOT_A_DATE]);
    }
    expect(isoDay(parseDate(2, 'dmy', 'UTC') as number, 'UTC')).toBe('1900-01-01');
    expect(isoDay(parseDate(2958465, 'dmy', 'UTC') as number, 'UTC')).toBe('9999-12-31');
  });

  it('refuses Date cells outside the range (a time-only cell is 1899-12-30)', () => {
    expect(parseDate(new Date(Date.UTC(1899, 11, 30, 10)), 'dmy', PARIS)).toBe(NOT_A_DATE);
    expect(parseDate(new Date('0050-01-01T00:00:00Z'), 'dmy', PARIS)).toBe(NOT_A_DATE);
    expect(parseDate(new Date(8.64e15), 'dmy', PARIS)).toBe(NOT_A_DATE);
  });
});
