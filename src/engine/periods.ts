import type { DateOrder } from '../core/locales';
import {
  DAY_MS,
  instantToWall,
  isInDateRange,
  midnightOf,
  NOT_A_DATE,
  parseDate,
} from '../core/dates';
import { isDate } from '../core/values';

/**
 * Period arithmetic in the spreadsheet's time zone. Periods are whole calendar days:
 * internally `[startDay, endDay)` as day numbers (days since 1970-01-01 of the wall-clock
 * date, so arithmetic never meets daylight saving), and `[start, until)` as instants for
 * testing a row's date (rule 8: a day belongs to the zone's midnight-to-midnight).
 *
 * Quarters and years follow the fiscal year start month, and a fiscal year is named by
 * the calendar year it starts in (April 2025 – March 2026 is "2025", its first quarter
 * "2025-Q1"). Weeks are ISO weeks, Monday first, named by their ISO week-year.
 */

export type Unit = 'week' | 'month' | 'quarter' | 'year';

export interface Span {
  /** First day, as a day number. */
  readonly startDay: number;
  /** Day after the last one, as a day number. */
  readonly endDay: number;
  /** Midnight of the first day in the zone. */
  readonly start: number;
  /** Midnight of the day after the last one in the zone. */
  readonly until: number;
  readonly label: string;
}

export interface WallDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function wallOfDay(dayNo: number): WallDay {
  const d = new Date(dayNo * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The day number of an instant's wall-clock date in `timeZone`. */
export function dayOfInstant(ms: number, timeZone: string): number {
  return Math.floor(instantToWall(ms, timeZone) / DAY_MS);
}

/** Midnight of a day number in the zone. */
export function instantOfDay(dayNo: number, timeZone: string): number {
  const { year, month, day } = wallOfDay(dayNo);
  return midnightOf(year, month, day, timeZone);
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(dayNo: number): string {
  const { year, month, day } = wallOfDay(dayNo);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Monday = 0 … Sunday = 6. */
function weekday(dayNo: number): number {
  return (((dayNo + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** First month of the fiscal year holding (year, month), and that fiscal year's name. */
function fiscalYearOf(year: number, month: number, fiscalStart: number): number {
  return month >= fiscalStart ? year : year - 1;
}

/** First day of the month `offset` months after (year, month). */
function monthStart(year: number, month: number, offset = 0): number {
  const index = year * 12 + (month - 1) + offset;
  return dayNumber(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The `[startDay, endDay)` and label of the period of `unit` holding a day. */
export function periodOfDay(
  dayNo: number,
  unit: Unit,
  fiscalStart: number,
): { startDay: number; endDay: number; label: string } {
  const { year, month } = wallOfDay(dayNo);
  switch (unit) {
    case 'week': {
      const monday = dayNo - weekday(dayNo);
      const thursday = wallOfDay(monday + 3);
      const week = Math.floor((monday + 3 - dayNumber(thursday.year, 1, 1)) / 7) + 1;
      return { startDay: monday, endDay: monday + 7, label: `${thursday.year}-W${pad(week)}` };
    }
    case 'month':
      return {
        startDay: monthStart(year, month),
        endDay: monthStart(year, month, 1),
        label: `${year}-${pad(month)}`,
      };
    case 'quarter': {
      const fy = fiscalYearOf(year, month, fiscalStart);
      const monthsIn = (year - fy) * 12 + month - fiscalStart; // 0-11
      const q = Math.floor(monthsIn / 3);
      const first = monthStart(fy, fiscalStart, q * 3);
      return {
        startDay: first,
        endDay: monthStart(fy, fiscalStart, q * 3 + 3),
        label: `${fy}-Q${q + 1}`,
      };
    }
    case 'year': {
      const fy = fiscalYearOf(year, month, fiscalStart);
      return {
        startDay: monthStart(fy, fiscalStart),
        endDay: monthStart(fy, fiscalStart, 12),
        label: String(fy),
      };
    }
  }
}

export function spanOf(startDay: number, endDay: number, label: string, timeZone: string): Span {
  return {
    startDay,
    endDay,
    start: instantOfDay(startDay, timeZone),
    until: instantOfDay(endDay, timeZone),
    label,
  };
}

export function customLabel(startDay: number, endDay: number): string {
  return `${isoOfDay(startDay)} – ${isoOfDay(endDay - 1)}`;
}

export interface PeriodSettings {
  readonly period: Unit;
  /** 1 = January. */
  readonly fiscalYearStartMonth: number;
  /** Both days included, YYYY-MM-DD. */
  readonly customRange?: { readonly start: string; readonly end: string };
}

export interface PeriodPlan {
  readonly granularity: Unit | 'custom';
  /** The unit of the trend periods (month for a custom range). */
  readonly trendUnit: Unit;
  readonly current: Span;
  readonly previous: Span;
  /** The period before `previous` (for the growth of the previous period). */
  readonly beforePrevious: Span;
  /** The last `count` periods of `trendUnit`, oldest first, ending with the one holding the current period's last day. */
  readonly trend: readonly Span[];
}

function isoToDay(text: string): number {
  const [y, m, d] = text.split('-').map(Number);
  return dayNumber(y, m, d);
}

/**
 * The report's periods for `today` (an instant): by default the last complete period of
 * the chosen unit before today's date in the zone, and the one before it; a custom range
 * and as many days just before it otherwise.
 */
export function planPeriods(
  settings: PeriodSettings,
  today: number,
  timeZone: string,
  trendCount = 12,
): PeriodPlan {
  const fiscal = settings.fiscalYearStartMonth;
  const todayNo = dayOfInstant(today, timeZone);
  const make = (unit: Unit, dayNo: number): Span => {
    const p = periodOfDay(dayNo, unit, fiscal);
    return spanOf(p.startDay, p.endDay, p.label, timeZone);
  };
  const trendEnding = (unit: Unit, lastDay: number): Span[] => {
    const spans: Span[] = [];
    let day = lastDay;
    for (let k = 0; k < trendCount; k++) {
      const span = make(unit, day);
      spans.unshift(span);
      day = span.startDay - 1;
    }
    return spans;
  };
  if (settings.customRange) {
    const startDay = isoToDay(settings.customRange.start);
    const endDay = isoToDay(settings.customRange.end) + 1;
    const length = endDay - startDay;
    const current = spanOf(startDay, endDay, customLabel(startDay, endDay), timeZone);
    const previous = spanOf(
      startDay - length,
      startDay,
      customLabel(startDay - length, startDay),
      timeZone,
    );
    const beforePrevious = spanOf(
      startDay - 2 * length,
      startDay - length,
      customLabel(startDay - 2 * length, startDay - length),
      timeZone,
    );
    return {
      granularity: 'custom',
      trendUnit: 'month',
      current,
      previous,
      beforePrevious,
      trend: trendEnding('month', endDay - 1),
    };
  }
  const unit = settings.period;
  // The period holding today is not complete: take the one before it.
  const running = periodOfDay(todayNo, unit, fiscal);
  const current = make(unit, running.startDay - 1);
  const previous = make(unit, current.startDay - 1);
  return {
    granularity: unit,
    trendUnit: unit,
    current,
    previous,
    beforePrevious: make(unit, previous.startDay - 1),
    trend: trendEnding(unit, current.endDay - 1),
  };
}

/**
 * The plan whose current period is the one of `unit` holding `dayNo` (a chosen period,
 * or the latest one that has deals): as if today were the day after it.
 */
export function planPeriodsHolding(
  settings: PeriodSettings,
  dayNo: number,
  timeZone: string,
  trendCount = 12,
): PeriodPlan {
  const { endDay } = periodOfDay(dayNo, settings.period, settings.fiscalYearStartMonth);
  return planPeriods(
    { period: settings.period, fiscalYearStartMonth: settings.fiscalYearStartMonth },
    instantOfDay(endDay, timeZone),
    timeZone,
    trendCount,
  );
}

/** A period chosen by its name: a month `2017-06`, a fiscal quarter `2017-Q2`, a fiscal year `2017`, an ISO week `2017-W12`. */
export interface PeriodChoice {
  readonly unit: Unit;
  /** A day inside it. */
  readonly day: number;
}

const CHOICE_MONTH = /^(\d{4})-(\d{2})$/;
const CHOICE_QUARTER = /^(\d{4})-Q([1-4])$/i;
const CHOICE_YEAR = /^(\d{4})$/;
const CHOICE_WEEK = /^(\d{4})-W(\d{2})$/i;

/**
 * A period name as the command line and the options take it (`2017-06`, `2017-Q2`,
 * `2017`, `2017-W12`), quarters and years in the fiscal year starting on month
 * `fiscalStart`; null when it is none of these.
 */
export function parsePeriodChoice(text: string, fiscalStart: number): PeriodChoice | null {
  const value = text.trim();
  // Years before 1900 are not dates (functions.md rule 7).
  if (/^\d{4}/.test(value) && +value.slice(0, 4) < 1900) return null;
  let m: RegExpExecArray | null;
  if ((m = CHOICE_MONTH.exec(value))) {
    const month = +m[2];
    if (month < 1 || month > 12) return null;
    return { unit: 'month', day: dayNumber(+m[1], month, 1) };
  }
  if ((m = CHOICE_QUARTER.exec(value))) {
    return { unit: 'quarter', day: monthStart(+m[1], fiscalStart, (+m[2] - 1) * 3) };
  }
  if ((m = CHOICE_YEAR.exec(value))) return { unit: 'year', day: monthStart(+m[1], fiscalStart) };
  if (CHOICE_WEEK.test(value)) {
    const range = parsePeriodCell(value, 'ymd', 'UTC', fiscalStart);
    return range ? { unit: 'week', day: range.startDay } : null;
  }
  return null;
}

/**
 * Index of the span holding instant `ms` among contiguous, sorted spans described by
 * their boundaries (`bounds[k]` = start of span k, `bounds[n]` = until of the last); −1
 * outside them or for NaN.
 */
export function bucketOf(ms: number, bounds: ArrayLike<number>): number {
  const n = bounds.length - 1;
  if (!(ms >= bounds[0] && ms < bounds[n])) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Boundaries of contiguous spans, for bucketOf. */
export function boundsOf(spans: readonly Span[]): Float64Array {
  const bounds = new Float64Array(spans.length + 1);
  spans.forEach((s, k) => (bounds[k] = s.start));
  if (spans.length > 0) bounds[spans.length] = spans[spans.length - 1].until;
  return bounds;
}

/** Days of `[aStart, aEnd)` that fall in `[bStart, bEnd)`. */
export function overlapDays(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}

// ——— Period cells (targets) ———

// A Map: a word such as "constructor" must find no month.
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    january: 1,
    janvier: 1,
    janv: 1,
    jan: 1,
    february: 2,
    fevrier: 2,
    fevr: 2,
    fev: 2,
    feb: 2,
    march: 3,
    mars: 3,
    mar: 3,
    april: 4,
    avril: 4,
    avr: 4,
    apr: 4,
    may: 5,
    mai: 5,
    june: 6,
    juin: 6,
    jun: 6,
    july: 7,
    juillet: 7,
    juil: 7,
    jul: 7,
    august: 8,
    aout: 8,
    aug: 8,
    september: 9,
    septembre: 9,
    sept: 9,
    sep: 9,
    october: 10,
    octobre: 10,
    oct: 10,
    november: 11,
    novembre: 11,
    nov: 11,
    december: 12,
    decembre: 12,
    dec: 12,
  }),
);

const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const YEAR_QUARTER = /^(\d{4}) ?-? ?[qt]([1-4])$/;
const QUARTER_YEAR = /^[qt]([1-4]) ?-? ?(\d{4})$/;
const HALF_YEAR = /^[sh]([12]) ?-? ?(\d{4})$/;
const YEAR_HALF = /^(\d{4}) ?-? ?[sh]([12])$/;
const YEAR_WEEK = /^(\d{4}) ?-? ?w(\d{1,2})$/;
const NAMED_MONTH = /^([a-z]+)\.? ?-? ?(\d{4})$/;
const YEAR = /^(?:fy ?)?(\d{4})$/;

export interface DayRange {
  readonly startDay: number;
  readonly endDay: number;
}

function fiscalRange(fy: number, fiscalStart: number, fromMonth: number, months: number): DayRange {
  return {
    startDay: monthStart(fy, fiscalStart, fromMonth),
    endDay: monthStart(fy, fiscalStart, fromMonth + months),
  };
}

function monthRange(year: number, month: number): DayRange | null {
  if (month < 1 || month > 12) return null;
  return { startDay: monthStart(year, month), endDay: monthStart(year, month, 1) };
}

/**
 * A target's period cell as days: a month (`2024-03`, `03/2024`, `mars 2024`,
 * `March 2024`, or any date: its month), a fiscal quarter (`2024-Q1`, `T1 2024`,
 * `Q1 2024`), a fiscal half (`S1 2024`, `H1 2024`), a fiscal year (`2024`), or an ISO
 * week (`2024-W12`). Null when it is none of these; undefined when blank.
 */
export function parsePeriodCell(
  raw: unknown,
  dateOrder: DateOrder,
  timeZone: string,
  fiscalStart: number,
): DayRange | null | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (isDate(raw)) {
    const ms = raw.getTime();
    if (!isInDateRange(ms)) return null;
    const { year, month } = wallOfDay(dayOfInstant(ms, timeZone));
    return monthRange(year, month);
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null;
    if (Number.isInteger(raw) && raw >= 1900 && raw <= 2200) {
      return fiscalRange(raw, fiscalStart, 0, 12);
    }
    const ms = parseDate(raw, dateOrder, timeZone);
    if (ms === NOT_A_DATE || ms === null) return null;
    const { year, month } = wallOfDay(dayOfInstant(ms, timeZone));
    return monthRange(year, month);
  }
  if (typeof raw !== 'string') return null;
  const text = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
  if (text === '') return undefined;
  // Years before 1900 are not dates (functions.md rule 7); Date.UTC would read 0099 as 1999.
  if ((text.match(/\d{4}/g) ?? []).some((year) => +year < 1900)) return null;
  let m: RegExpExecArray | null;
  if ((m = YEAR_MONTH.exec(text))) return monthRange(+m[1], +m[2]);
  if ((m = MONTH_YEAR.exec(text))) return monthRange(+m[2], +m[1]);
  if ((m = YEAR_QUARTER.exec(text))) return fiscalRange(+m[1], fiscalStart, (+m[2] - 1) * 3, 3);
  if ((m = QUARTER_YEAR.exec(text))) return fiscalRange(+m[2], fiscalStart, (+m[1] - 1) * 3, 3);
  if ((m = HALF_YEAR.exec(text))) return fiscalRange(+m[2], fiscalStart, (+m[1] - 1) * 6, 6);
  if ((m = YEAR_HALF.exec(text))) return fiscalRange(+m[1], fiscalStart, (+m[2] - 1) * 6, 6);
  if ((m = YEAR_WEEK.exec(text))) {
    const week = +m[2];
    if (week < 1 || week > 53) return null;
    // ISO week 1 holds January 4th.
    const jan4 = dayNumber(+m[1], 1, 4);
    const monday = jan4 - weekday(jan4) + (week - 1) * 7;
    if (week === 53 && periodOfDay(monday, 'week', 1).label !== `${m[1]}-W53`) return null;
    return { startDay: monday, endDay: monday + 7 };
  }
  if ((m = NAMED_MONTH.exec(text))) {
    const month = MONTH_NAMES.get(m[1]);
    return month === undefined ? null : monthRange(+m[2], month);
  }
  if ((m = YEAR.exec(text))) return fiscalRange(+m[1], fiscalStart, 0, 12);
  const ms = parseDate(text, dateOrder, timeZone);
  if (ms === NOT_A_DATE || ms === null) return null;
  const { year, month } = wallOfDay(dayOfInstant(ms, timeZone));
  return monthRange(year, month);
}
