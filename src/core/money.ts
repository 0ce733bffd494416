import type { Column, Parsers } from './args';
import { AmountReader, DateReader, requiredColumn, toLabelSet } from './args';
import { DAY_MS, isoDay } from './dates';
import { inputError } from './errors';
import { StatusClass, StatusClassifier } from './status';
import { isBlank } from './values';

/** Σ of a required, not-paired argument (rule 2): a number or a range; blanks add nothing. */
export function sumOf(name: string, value: unknown, parsers: Parsers): number {
  const column = requiredColumn(name, value);
  const reader = new AmountReader(parsers, column);
  let total = 0;
  for (let row = 0; row < column.values.length; row++) total += reader.at(row) ?? 0;
  return total;
}

/**
 * The status class of every row, in one pass. Blank rows (rule 3) come out as
 * StatusClass.Blank, which no money function counts, so callers need no separate check.
 */
function classifyRows(statuses: Column, classifier: StatusClassifier): Uint8Array {
  const values = statuses.values;
  const classes = new Uint8Array(values.length);
  for (let row = 0; row < values.length; row++) classes[row] = classifier.classify(values[row]);
  return classes;
}

export interface Totals {
  /** Σ of the values counted. */
  readonly sum: number;
  /** How many non-blank values went into the sum. */
  readonly count: number;
}

/**
 * Σ and count of the non-blank amounts of won rows, or of every row when `classes` is
 * undefined (no statuses given). Only those amounts are parsed: a bad amount on a lost
 * deal does not stop the revenue of won deals.
 */
export function wonAmountTotals(
  amounts: Column,
  parsers: Parsers,
  classes?: ArrayLike<number>,
): Totals {
  const reader = new AmountReader(parsers, amounts);
  let sum = 0;
  let count = 0;
  for (let row = 0; row < amounts.values.length; row++) {
    if (classes !== undefined && classes[row] !== StatusClass.Won) continue;
    const amount = reader.at(row);
    if (amount === null) continue;
    sum += amount;
    count++;
  }
  return { sum, count };
}

/**
 * Σ and count of round((closed − created) ÷ 1 day) over won rows having both dates (every
 * row having both when `classes` is undefined). A row missing either date is not parsed.
 */
export function cycleDayTotals(
  created: Column,
  closed: Column,
  parsers: Parsers,
  classes?: ArrayLike<number>,
): Totals {
  const createdDates = new DateReader(parsers, created);
  const closedDates = new DateReader(parsers, closed);
  let sum = 0;
  let count = 0;
  for (let row = 0; row < created.values.length; row++) {
    if (classes !== undefined && classes[row] !== StatusClass.Won) continue;
    if (isBlank(created.values[row]) || isBlank(closed.values[row])) continue;
    const start = createdDates.at(row) as number;
    const end = closedDates.at(row) as number;
    if (end < start) {
      throw inputError('closedBeforeCreated', {
        arg: closed.name,
        createdArg: created.name,
        position: row + 1,
        value: closed.values[row],
        closed: isoDay(end, parsers.timeZone),
        created: isoDay(start, parsers.timeZone),
      });
    }
    sum += Math.round((end - start) / DAY_MS);
    count++;
  }
  return { sum, count };
}

/**
 * Status classes for the money functions' optional `statuses`: undefined when no statuses
 * are given (every row then counts). `won` and `lost` are the raw label arguments.
 */
export function statusClasses(statuses: Column, won: unknown, lost?: unknown): Uint8Array;
export function statusClasses(
  statuses: Column | undefined,
  won: unknown,
  lost?: unknown,
): Uint8Array | undefined;
export function statusClasses(
  statuses: Column | undefined,
  won: unknown,
  lost?: unknown,
): Uint8Array | undefined {
  if (statuses === undefined) return undefined;
  return classifyRows(statuses, new StatusClassifier(toLabelSet(won), toLabelSet(lost)));
}
