import type { DateOrder } from '../core/locales';
import { parseDate } from '../core/dates';
import type { PeriodSettings } from './periods';
import {
  bucketOf,
  boundsOf,
  dayNumber,
  isoOfDay,
  overlapDays,
  parsePeriodCell,
  parsePeriodChoice,
  periodOfDay,
  planPeriods,
  planPeriodsHolding,
} from './periods';

const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';
const at = (iso: string, zone = PARIS) => parseDate(iso, false, zone) as number;
const month: PeriodSettings = { period: 'month', fiscalYearStartMonth: 1 };
const days = (range: { startDay: number; endDay: number } | null | undefined) =>
  range ? [isoOfDay(range.startDay), isoOfDay(range.endDay - 1)] : range;

describe('planPeriods', () => {
  it('defaults to the last complete month, compared with the month before', () => {
    const plan = planPeriods(month, at('2026-11-15 10:00'), PARIS);
    expect(plan.granularity).toBe('month');
    expect(plan.current.label).toBe('2026-10');
    expect([isoOfDay(plan.current.startDay), isoOfDay(plan.current.endDay - 1)]).toEqual([
      '2026-10-01',
      '2026-10-31',
    ]);
    expect(plan.previous.label).toBe('2026-09');
    expect(plan.beforePrevious.label).toBe('2026-08');
    expect(plan.trend.map((s) => s.label)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
  });

  it('takes today in the spreadsheet zone: 1 March 00:30 in Paris is still February in UTC', () => {
    const today = at('2025-03-01 00:30');
    expect(planPeriods(month, today, PARIS).current.label).toBe('2025-02');
    expect(planPeriods(month, today, 'UTC').current.label).toBe('2025-01');
  });

  it('gives instants at midnight in the zone, across daylight saving', () => {
    const plan = planPeriods(month, at('2025-04-10', NEW_YORK), NEW_YORK);
    expect(plan.current.start).toBe(at('2025-03-01', NEW_YORK));
    expect(plan.current.until).toBe(at('2025-04-01', NEW_YORK));
    // March 2025 is one hour short in New York.
    expect(plan.current.until - plan.current.start).toBe(31 * 86400000 - 3600000);
  });

  it('uses ISO weeks, Monday first, named by their week-year', () => {
    const plan = planPeriods({ period: 'week', fiscalYearStartMonth: 1 }, at('2025-03-19'), PARIS);
    expect(plan.current.label).toBe('2025-W11');
    expect(days(plan.current)).toEqual(['2025-03-10', '2025-03-16']);
    expect(periodOfDay(dayNumber(2024, 12, 30), 'week', 1).label).toBe('2025-W01');
    expect(periodOfDay(dayNumber(2021, 1, 3), 'week', 1).label).toBe('2020-W53');
  });

  it('honours the fiscal year start for quarters and years', () => {
    const april: PeriodSettings = { period: 'quarter', fiscalYearStartMonth: 4 };
    const plan = planPeriods(april, at('2025-05-20'), PARIS);
    expect(plan.current.label).toBe('2024-Q4'); // January–March 2025
    expect(days(plan.current)).toEqual(['2025-01-01', '2025-03-31']);
    expect(plan.previous.label).toBe('2024-Q3');
    const calendar = planPeriods(
      { period: 'quarter', fiscalYearStartMonth: 1 },
      at('2025-05-20'),
      PARIS,
    );
    expect(calendar.current.label).toBe('2025-Q1');
    const year = planPeriods({ period: 'year', fiscalYearStartMonth: 7 }, at('2025-05-20'), PARIS);
    expect(year.current.label).toBe('2023');
    expect(days(year.current)).toEqual(['2023-07-01', '2024-06-30']);
    expect(year.trend).toHaveLength(12);
  });

  it('takes a custom range, the same number of days before it, and monthly trends', () => {
    const plan = planPeriods(
      { ...month, customRange: { start: '2025-03-10', end: '2025-03-19' } },
      at('2026-01-01'),
      PARIS,
    );
    expect(plan.granularity).toBe('custom');
    expect(plan.current.label).toBe('2025-03-10 – 2025-03-19');
    expect(days(plan.previous)).toEqual(['2025-02-28', '2025-03-09']);
    expect(plan.trend.at(-1)!.label).toBe('2025-03');
  });
});

describe('bucketOf', () => {
  it('finds the span of an instant, −1 outside or for NaN', () => {
    const plan = planPeriods(month, at('2025-04-10'), PARIS);
    const bounds = boundsOf(plan.trend);
    expect(bucketOf(at('2025-03-31 23:59'), bounds)).toBe(11);
    expect(bucketOf(at('2025-04-01'), bounds)).toBe(-1);
    expect(bucketOf(at('2024-04-01'), bounds)).toBe(0);
    expect(bucketOf(at('2024-03-31'), bounds)).toBe(-1);
    expect(bucketOf(NaN, bounds)).toBe(-1);
  });

  it('counts overlapping days', () => {
    expect(overlapDays(0, 10, 5, 20)).toBe(5);
    expect(overlapDays(0, 10, 10, 20)).toBe(0);
  });
});

describe('parsePeriodCell', () => {
  const read = (raw: unknown, fiscal = 1, dateOrder: DateOrder = 'dmy') =>
    days(parsePeriodCell(raw, dateOrder, PARIS, fiscal));

  it.each([
    ['2024-03'],
    ['03/2024'],
    ['mars 2024'],
    ['Mars 2024'],
    ['March 2024'],
    ['mar. 2024'],
    ['2024-03-15'],
    ['15/03/2024'],
  ])('reads %p as March 2024', (raw) => {
    expect(read(raw)).toEqual(['2024-03-01', '2024-03-31']);
  });

  it('reads dates and serial numbers as their month', () => {
    expect(read(new Date(at('2024-03-31 23:30')))).toEqual(['2024-03-01', '2024-03-31']);
    expect(read(45366)).toEqual(['2024-03-01', '2024-03-31']); // 2024-03-15
    expect(read('03/15/2024', 1, 'mdy')).toEqual(['2024-03-01', '2024-03-31']);
  });

  it('reads quarters, halves, years and weeks, fiscal ones from the start month', () => {
    expect(read('2024-Q1')).toEqual(['2024-01-01', '2024-03-31']);
    expect(read('T1 2024')).toEqual(['2024-01-01', '2024-03-31']);
    expect(read('Q2 2024')).toEqual(['2024-04-01', '2024-06-30']);
    expect(read('T1 2024', 4)).toEqual(['2024-04-01', '2024-06-30']);
    expect(read('S2 2024')).toEqual(['2024-07-01', '2024-12-31']);
    expect(read('2024')).toEqual(['2024-01-01', '2024-12-31']);
    expect(read(2024, 7)).toEqual(['2024-07-01', '2025-06-30']);
    expect(read('2025-W01')).toEqual(['2024-12-30', '2025-01-05']);
    expect(read('Février 2024')).toEqual(['2024-02-01', '2024-02-29']);
  });

  it('is undefined when blank and null when not a period', () => {
    expect(parsePeriodCell('', 'dmy', PARIS, 1)).toBeUndefined();
    expect(parsePeriodCell('  ', 'dmy', PARIS, 1)).toBeUndefined();
    expect(parsePeriodCell('next quarter', 'dmy', PARIS, 1)).toBeNull();
    expect(parsePeriodCell('13/2024', 'dmy', PARIS, 1)).toBeNull();
    expect(parsePeriodCell('Smarch 2024', 'dmy', PARIS, 1)).toBeNull();
    expect(parsePeriodCell('Constructor 2025', 'dmy', PARIS, 1)).toBeNull();
    expect(parsePeriodCell('__proto__ 2025', 'dmy', PARIS, 1)).toBeNull();
    expect(parsePeriodCell(true, 'dmy', PARIS, 1)).toBeNull();
  });

  it.each([
    ['0099-03'],
    ['03/0099'],
    ['mars 0099'],
    ['0001-Q1'],
    ['T1 0099'],
    ['S2 0000'],
    ['0099'],
    ['FY 0099'],
    ['0099-W10'],
    ['1899-12'],
  ])('reads %p, a year before 1900, as no period (not 1900–1999)', (raw) => {
    expect(parsePeriodCell(raw, 'dmy', PARIS, 1)).toBeNull();
  });
});

describe('parsePeriodChoice and planPeriodsHolding', () => {
  const choice = (text: string, fiscal = 1) => {
    const c = parsePeriodChoice(text, fiscal);
    return c && { unit: c.unit, day: isoOfDay(c.day) };
  };

  it('reads a month, a fiscal quarter, a fiscal year and an ISO week', () => {
    expect(choice('2017-06')).toEqual({ unit: 'month', day: '2017-06-01' });
    expect(choice(' 2017-q2 ')).toEqual({ unit: 'quarter', day: '2017-04-01' });
    expect(choice('2017-Q1', 4)).toEqual({ unit: 'quarter', day: '2017-04-01' });
    expect(choice('2017')).toEqual({ unit: 'year', day: '2017-01-01' });
    expect(choice('2017', 7)).toEqual({ unit: 'year', day: '2017-07-01' });
    expect(choice('2017-W12')).toEqual({ unit: 'week', day: '2017-03-20' });
  });

  it('refuses anything else', () => {
    for (const bad of ['2017-13', '2017-00', '2017-Q5', '17-06', 'June 2017', '', '2017-06-01'])
      expect(parsePeriodChoice(bad, 1)).toBeNull();
  });

  it('refuses a year before 1900 (Date.UTC would read 0000–0099 as 1900–1999)', () => {
    for (const bad of ['0099', '0000', '0001-Q1', '0099-12', '1899', '1899-12', '0050-W01'])
      expect(parsePeriodChoice(bad, 1)).toBeNull();
    expect(choice('1900')).toEqual({ unit: 'year', day: '1900-01-01' });
    expect(choice('9999-12')).toEqual({ unit: 'month', day: '9999-12-01' });
  });

  it('plans the period holding a day, compared with the one before', () => {
    const plan = planPeriodsHolding(month, dayNumber(2017, 6, 14), PARIS);
    expect(plan.current.label).toBe('2017-06');
    expect(plan.previous.label).toBe('2017-05');
    expect(plan.trend[11].label).toBe('2017-06');
    expect(plan.trend[0].label).toBe('2016-07');
    const quarter = planPeriodsHolding(
      { period: 'quarter', fiscalYearStartMonth: 1 },
      dayNumber(2017, 5, 1),
      PARIS,
    );
    expect(days(quarter.current)).toEqual(['2017-04-01', '2017-06-30']);
  });
});
