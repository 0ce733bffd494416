import type { Parsers } from '../core/args';
import { NOT_A_DATE, parseDate } from '../core/dates';
import { normalizeLabel } from '../core/labels';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from '../core/status';
import { isBlank, isDate } from '../core/values';
import type { FieldType } from './fields';
import { activityTypeOf } from './fields';
import { isFlagValue } from './flags';
import { looksLikePeriod } from './period';

/**
 * What a column's sampled values look like (how many read as numbers, dates, periods,
 * statuses…), and how well that fits a field type: the second opinion after the header.
 */

type ValueKind = 'text' | 'number' | 'date' | 'period' | 'other';

export function kindOf(value: unknown, readers: Parsers): ValueKind {
  if (isDate(value)) return 'date';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'other';
  if (typeof value !== 'string') return 'other';
  const parsedDate = parseDate(value, readers.dateOrder, readers.timeZone);
  if (parsedDate !== NOT_A_DATE && parsedDate !== null) return 'date';
  if (parseNumber(value, readers.decimal) !== NOT_A_NUMBER) return 'number';
  if (looksLikePeriod(value)) return 'period';
  return 'text';
}

export interface ColumnProfile {
  total: number;
  text: number;
  number: number;
  date: number;
  period: number;
  /** Numbers within 0–100 (a probability, as a fraction or a percentage). */
  percentish: number;
  /** Numbers that look like a year (period columns typed as 2024). */
  yearish: number;
  /** The largest number (−Infinity without any). */
  scoreMax: number;
  /** Text values that are default won/lost statuses. */
  statusHits: number;
  /** Text values that are known activity types. */
  activityHits: number;
  /** Yes/no values: booleans, 1/0, yes/no words (flags.ts). */
  flag: number;
  /** Distinct non-blank values (normalised), counted up to 1000. */
  distinct: number;
}

const DEFAULT_STATUS = new Set([...DEFAULT_WON_LABELS, ...DEFAULT_LOST_LABELS]);

export function profileColumn(
  values: readonly (readonly unknown[])[],
  rows: readonly number[],
  column: number,
  readers: Parsers,
): ColumnProfile {
  const p: ColumnProfile = {
    total: 0,
    text: 0,
    number: 0,
    date: 0,
    period: 0,
    percentish: 0,
    yearish: 0,
    scoreMax: -Infinity,
    statusHits: 0,
    activityHits: 0,
    flag: 0,
    distinct: 0,
  };
  const seen = new Set<string>();
  for (const row of rows) {
    const value = values[row][column];
    if (isBlank(value)) continue;
    p.total++;
    if (isFlagValue(value)) p.flag++;
    if (seen.size < 1000)
      seen.add(typeof value === 'string' ? normalizeLabel(value) : String(value));
    const kind = kindOf(value, readers);
    if (kind === 'other') continue;
    p[kind]++;
    if (kind === 'number') {
      const n = parseNumber(value, readers.decimal) as number;
      if (n >= 0 && n <= 100) p.percentish++;
      if (n > p.scoreMax) p.scoreMax = n;
      if (Number.isInteger(n) && n >= 1900 && n <= 2100) p.yearish++;
    } else if (kind === 'text') {
      if (DEFAULT_STATUS.has(normalizeLabel(value))) p.statusHits++;
      if (activityTypeOf(value) !== undefined) p.activityHits++;
    }
  }
  p.distinct = seen.size;
  return p;
}

/** Share of sampled values that fit a field type (1 when there is nothing to judge). */
export function typeFit(p: ColumnProfile, type: FieldType): number {
  if (p.total === 0) return 1;
  switch (type) {
    case 'money':
    case 'number':
      return p.number / p.total;
    case 'fraction':
      return p.percentish / p.total;
    case 'date':
      return p.date / p.total;
    case 'period':
      return (p.date + p.period + p.yearish) / p.total;
    case 'flag':
      // A set time says yes too (a won time), but a date column is a date field first.
      return Math.min(1, (p.flag + 0.9 * p.date) / p.total);
    default:
      return (p.text + p.period) / p.total;
  }
}

/** Sampled values that contradict the type: a column of dates is not an amount. */
export function contradicts(p: ColumnProfile, type: FieldType): boolean {
  if (p.total < 3) return false;
  if (type === 'text' || type === 'label') return p.date / p.total >= 0.8;
  return typeFit(p, type) < 0.5;
}
