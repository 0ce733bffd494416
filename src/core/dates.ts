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

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Contract rule 7. A Date is used as is; a number is a serial date (wall clock in the
 * zone); text is YYYY-MM-DD[ time], or MM/DD/YYYY (month first) or DD/MM/YYYY.
 */
export function parseDate(value: unknown, monthFirst: boolean, timeZone: string): ParsedDate {
  if (isDate(value)) {
    const ms = value.getTime();
    return isNaN(ms) ? NOT_A_DATE : ms;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NOT_A_DATE;
    return wallToInstant(SERIAL_EPOCH_UTC + Math.round(value * DAY_MS), timeZone);
  }
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value !== 'string') return NOT_A_DATE;
  const text = value.trim();
  if (text === '') return null;
  let year: number, month: number, day: number;
  let match = ISO.exec(text);
  let time: (string | undefined)[];
  if (match) {
    year = +match[1];
    month = +match[2];
    day = +match[3];
    time = match.slice(4, 7);
  } else {
    match = SLASHED.exec(text);
    if (!match) return NOT_A_DATE;
    const first = +match[1];
    const second = +match[2];
    year = +match[3];
    month = monthFirst ? first : second;
    day = monthFirst ? second : first;
    time = match.slice(4, 7);
  }
  if (!validDay(year, month, day)) return NOT_A_DATE;
  if (time[0] === undefined) return midnightOf(year, month, day, timeZone);
  const hours = +time[0];
  const minutes = +(time[1] ?? 0);
  const seconds = +(time[2] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return NOT_A_DATE;
  return wallToInstant(Date.UTC(year, month - 1, day, hours, minutes, seconds), timeZone);
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
