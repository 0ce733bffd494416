import type { DateOrder } from './locales';
import { isDate } from './values';

/**
 * Dates as instants (ms since epoch), with wall-clock conversions in the spreadsheet
 * time zone. Only Intl is used, which both Node and Apps Script's V8 provide.
 */

export const DAY_MS = 86400000;
/** Spreadsheet serial 0 is 1899-12-30 (wall clock). */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Sentinel for "not a date" (cheaper than throwing in a hot loop). */
export const NOT_A_DATE = Symbol('not a date');
export type ParsedDate = number | null | typeof NOT_A_DATE;

export interface WallDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Offsets only change on quarter-hour boundaries in every real zone, so one lookup
// per quarter hour is exact and keeps Intl out of per-row loops.
const QUARTER_HOUR = 900000;
const offsetCache = new Map<string, number>();

/** UTC offset of `timeZone` at instant `ms`, in ms (wall clock − UTC). */
export function zoneOffset(ms: number, timeZone: string): number {
  const key = timeZone + '|' + Math.floor(ms / QUARTER_HOUR);
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const offset = wall - Math.floor(ms / 1000) * 1000;
  if (offsetCache.size > 100000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The instant at which the wall clock in `timeZone` shows `wallMs` (a UTC-encoded wall time). */
export function wallToInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffset(wallMs, timeZone);
  const second = wallMs - zoneOffset(first, timeZone);
  if (first === second) return first;
  // The offsets differ across a daylight-saving change: keep the candidate whose wall
  // clock reads wallMs. Midnight on the day clocks go back in a zone east of UTC
  // (Auckland, Sydney in April) is such a case: the change is on the UTC day before.
  const firstFits = instantToWall(first, timeZone) === wallMs;
  const secondFits = instantToWall(second, timeZone) === wallMs;
  if (firstFits && secondFits) return Math.min(first, second);
  if (firstFits) return first;
  if (secondFits) return second;
  // Wall time skipped by a daylight-saving jump: take the first valid instant after it.
  return Math.max(first, second);
}

/** Wall-clock time of an instant, encoded as a UTC timestamp. */
export function instantToWall(ms: number, timeZone: string): number {
  return ms + zoneOffset(ms, timeZone);
}

export function wallDateOf(ms: number, timeZone: string): WallDate {
  const wall = new Date(instantToWall(ms, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

const midnightCache = new Map<string, number>();
/** Midnight of a calendar day in `timeZone`, memoised because data repeats days. */
export function midnightOf(year: number, month: number, day: number, timeZone: string): number {
  const key = timeZone + '|' + year + '|' + month + '|' + day;
  const hit = midnightCache.get(key);
  if (hit !== undefined) return hit;
  const instant = wallToInstant(Date.UTC(year, month - 1, day), timeZone);
  if (midnightCache.size > 100000) midnightCache.clear();
  midnightCache.set(key, instant);
  return instant;
}

/** The instant one calendar day after `ms` in `timeZone` (23 or 25 hours on DST days). */
export function addCalendarDay(ms: number, timeZone: string): number {
  return wallToInstant(instantToWall(ms, timeZone) + DAY_MS, timeZone);
}

/** Years a date may have (contract rule 7). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;
/** Serials of 1900-01-01 and of the last instant of 9999-12-31 (wall clock). */
const MIN_SERIAL = 2;
const MAX_SERIAL_EXCLUSIVE = 2958466;
/**
 * Instants a Date cell may hold: 1900-01-01 to 9999-12-31 in any time zone (±14 hours of
 * slack each side). A time-only cell arrives as 1899-12-30 and is refused with them.
 */
const MIN_INSTANT = Date.UTC(MIN_YEAR, 0, 1) - 14 * 3600000;
const MAX_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1) + 14 * 3600000;

/** True for the instant of a Date cell whose year Sheets can hold (rule 7). */
export function isInDateRange(ms: number): boolean {
  return ms >= MIN_INSTANT && ms < MAX_INSTANT;
}

// YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD, then an optional time: "T" or a space, hours,
// minutes, seconds, a fraction, AM/PM, and a UTC offset ("Z", "+0000", "+00:00").
const TIME =
  '(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*([AaPp][Mm])?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?';
const YEAR_FIRST = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})${TIME}$`);

function validDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Rule 7's date order argument: the locale's order, or true for month first (en_US). */
export type DateOrderArg = DateOrder | boolean;

function orderOf(order: DateOrderArg): DateOrder {
  return order === true ? 'mdy' : order === false ? 'dmy' : order;
}

/**
 * Contract rule 7. A Date is used as is; a number is a serial date (wall clock in the
 * zone); text is YYYY-MM-DD[ time] (also with "/" or "."), or the locale's own order with
 * the year last: MM/DD/YYYY (month first) or DD/MM/YYYY; year-first locales (ja, zh, ko)
 * read only year-first text. A year outside 1900–9999 is not a date. A time with a UTC
 * offset ("2024-01-22T16:14:25.000+0000", as CRMs export) is that instant; any other
 * time is wall clock in the zone.
 */
export function parseDate(value: unknown, order: DateOrderArg, timeZone: string): ParsedDate {
  if (isDate(value)) {
    const ms = value.getTime();
    return isInDateRange(ms) ? ms : NOT_A_DATE;
  }
  if (typeof value === 'number') {
    if (!(value >= MIN_SERIAL && value < MAX_SERIAL_EXCLUSIVE)) return NOT_A_DATE;
    return wallToInstant(SERIAL_EPOCH_UTC + Math.round(value * DAY_MS), timeZone);
  }
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value !== 'string') return NOT_A_DATE;
  const text = value.trim();
  if (text === '') return null;
  let year: number, month: number, day: number;
  let match = YEAR_FIRST.exec(text);
  if (match) {
    year = +match[1];
    month = +match[3];
    day = +match[4];
  } else {
    const dateOrder = orderOf(order);
    match = dateOrder === 'ymd' ? null : YEAR_LAST.exec(text);
    if (!match) return NOT_A_DATE;
    const first = +match[1];
    const second = +match[3];
    year = +match[4];
    month = dateOrder === 'mdy' ? first : second;
    day = dateOrder === 'mdy' ? second : first;
  }
  if (!validDay(year, month, day)) return NOT_A_DATE;
  const [hourText, minuteText, secondText, meridiem, offset] = match.slice(5, 10);
  if (hourText === undefined) return midnightOf(year, month, day, timeZone);
  let hours = +hourText;
  const minutes = +minuteText;
  const seconds = +(secondText ?? 0);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return NOT_A_DATE;
    hours = (hours % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return NOT_A_DATE;
  const wall = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  if (offset === undefined) return wallToInstant(wall, timeZone);
  if (offset === 'Z') return wall;
  const digits = offset.replace(':', '');
  const offsetHours = +digits.slice(1, 3);
  const offsetMinutes = +(digits.slice(3, 5) || 0);
  if (offsetHours > 14 || offsetMinutes > 59) return NOT_A_DATE;
  const sign = offset[0] === '-' ? -1 : 1;
  return wall - sign * (offsetHours * 60 + offsetMinutes) * 60000;
}

/** Format an instant as YYYY-MM-DD in the zone (for messages and labels). */
export function isoDay(ms: number, timeZone: string): string {
  const { year, month, day } = wallDateOf(ms, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (settings and options, not cells). */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY_TEXT.exec(text);
  if (!match) return false;
  const [year, month, day] = [+match[1], +match[2], +match[3]];
  return validDay(year, month, day);
}
