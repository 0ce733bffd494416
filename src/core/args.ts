import type { SheetContext } from './context';
import type { DateOrder } from './context';
import { dateOrderOf, decimalSeparatorOf } from './context';
import { addCalendarDay, isInDateRange, NOT_A_DATE, parseDate } from './dates';
import { inputError } from './errors';
import { normalizeLabel } from './labels';
import { isTooLarge, MAX_AMOUNT, NOT_A_NUMBER, parseNumber } from './numbers';
import { isBlank } from './values';

/** A named list of raw cell values: one argument of a custom function, read as a column. */
export interface Column {
  readonly name: string;
  readonly values: readonly unknown[];
}

/** Contract "optional arguments": omitted, null or a single blank cell mean "not given". */
export function isOmitted(value: unknown): boolean {
  if (Array.isArray(value)) {
    return (
      value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && isBlank(value[0][0])
    );
  }
  return value === undefined || value === null || value === '';
}

/** Rule 1: a scalar, a one-column range or a one-row range, read as a list. */
export function toColumn(name: string, value: unknown): Column {
  if (!Array.isArray(value)) return { name, values: [value] };
  const rows = value.length;
  if (rows === 0) return { name, values: [] };
  const first = value[0];
  if (!Array.isArray(first)) return { name, values: value }; // already a flat list
  const cols = first.length;
  if (cols === 1) {
    const values = new Array<unknown>(rows);
    for (let i = 0; i < rows; i++) values[i] = (value[i] as unknown[])[0];
    return { name, values };
  }
  if (rows === 1) return { name, values: first };
  throw inputError('notAColumn', { arg: name, rows, cols });
}

/**
 * A required argument. Sheets does not enforce a custom function's arity, so an argument
 * left out entirely arrives as `undefined`: say so rather than read it as blank.
 */
export function requireArg(name: string, value: unknown): void {
  if (value === undefined) throw inputError('required', { arg: name });
}

/** A required column argument (rule 1). */
export function requiredColumn(name: string, value: unknown): Column {
  requireArg(name, value);
  return toColumn(name, value);
}

/** Like toColumn, but "not given" yields undefined. */
export function toOptionalColumn(name: string, value: unknown): Column | undefined {
  return isOmitted(value) ? undefined : toColumn(name, value);
}

/** Rule 2: paired columns must have the same length. */
export function checkPaired(...columns: (Column | undefined)[]): void {
  const given = columns.filter((c): c is Column => c !== undefined);
  for (let i = 1; i < given.length; i++) {
    if (given[i].values.length !== given[0].values.length) {
      throw inputError('pairedLength', {
        arg: given[0].name,
        count: given[0].values.length,
        other: given[i].name,
        otherCount: given[i].values.length,
      });
    }
  }
}

/** Rule 3: a row is skipped when every paired column is blank in it. */
export function isBlankRow(columns: readonly Column[], row: number): boolean {
  for (const column of columns) if (!isBlank(column.values[row])) return false;
  return true;
}

/** Rule 4: a label argument (one text or a range of texts) as a set of normalised labels. */
export function toLabelSet(value: unknown): Set<string> | undefined {
  if (isOmitted(value)) return undefined;
  const set = new Set<string>();
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (!isBlank(v)) set.add(normalizeLabel(v));
  };
  add(value);
  return set.size > 0 ? set : undefined;
}

/** Locale-bound parsers that throw errors naming argument, 1-based row and value. */
export class Parsers {
  readonly decimal: ReturnType<typeof decimalSeparatorOf>;
  readonly dateOrder: DateOrder;
  readonly timeZone: string;

  constructor(context: SheetContext) {
    this.decimal = decimalSeparatorOf(context.locale);
    this.dateOrder = dateOrderOf(context.locale);
    this.timeZone = context.timeZone;
  }

  /** A number, or null when the cell is blank (no value). */
  number(column: Column, row: number): number | null {
    const value = column.values[row];
    const parsed = parseNumber(value, this.decimal);
    if (parsed === NOT_A_NUMBER) {
      const code = isTooLarge(value, this.decimal) ? 'tooLarge' : 'notANumber';
      throw inputError(code, { arg: column.name, position: row + 1, value });
    }
    // Rule 6: beyond MAX_AMOUNT a value is no longer exact, and adding it can give a
    // silently wrong sum (1000 + 1e308 − 1e308 is 0), so it is refused like an overflow.
    if (parsed !== null && (parsed > MAX_AMOUNT || parsed < -MAX_AMOUNT)) {
      throw inputError('tooLarge', { arg: column.name, position: row + 1, value });
    }
    return parsed;
  }

  /** An instant in ms, or null when the cell is blank. */
  date(column: Column, row: number): number | null {
    const parsed = parseDate(column.values[row], this.dateOrder, this.timeZone);
    if (parsed === NOT_A_DATE) {
      throw inputError('notADate', {
        arg: column.name,
        position: row + 1,
        value: column.values[row],
      });
    }
    return parsed;
  }

  /** A required scalar date argument (`start`, `end`). */
  scalarDate(name: string, value: unknown): number {
    const single = Array.isArray(value) ? toColumn(name, value).values : [value];
    if (single.length !== 1) throw inputError('rangeForDate', { arg: name, count: single.length });
    const parsed = parseDate(single[0], this.dateOrder, this.timeZone);
    if (parsed === null) throw inputError('required', { arg: name });
    if (parsed === NOT_A_DATE) throw inputError('notOneDate', { arg: name, value: single[0] });
    return parsed;
  }

  /** Rule 8: [start, end + 1 day) as instants. */
  period(start: unknown, end: unknown): { from: number; until: number } {
    const from = this.scalarDate('start', start);
    const endMs = this.scalarDate('end', end);
    return { from, until: addCalendarDay(endMs, this.timeZone) };
  }
}

const AMOUNT_MEMO_LIMIT = 20000;

/**
 * Reads a number column with Parsers.number, plus two shortcuts that keep a million-row
 * sum within a few times a bare loop: numeric cells are taken as they are, and text is
 * remembered (amounts typed as text repeat, and parsing one costs ~10× a lookup). The memo
 * stops growing at its limit rather than clearing, so all-distinct text costs no more.
 * Every value it gives is within ±MAX_AMOUNT (2^53), so no sum of a sheet's values, nor
 * one weighted by probabilities, can overflow: the sums need no check of their own.
 */
export class AmountReader {
  private readonly memo = new Map<string, number | null>();

  constructor(
    private readonly parsers: Parsers,
    private readonly column: Column,
  ) {}

  at(row: number): number | null {
    const raw = this.column.values[row];
    if (typeof raw === 'number' && raw <= MAX_AMOUNT && raw >= -MAX_AMOUNT) return raw;
    if (typeof raw !== 'string') return this.parsers.number(this.column, row);
    const hit = this.memo.get(raw);
    if (hit !== undefined) return hit;
    const parsed = this.parsers.number(this.column, row); // throws "is not a number"
    if (this.memo.size < AMOUNT_MEMO_LIMIT) this.memo.set(raw, parsed);
    return parsed;
  }
}

const DATE_MEMO_LIMIT = 200000;

/**
 * Parses a date column with Parsers.date, remembering text and serial values: real data
 * repeats days, and a text or serial date costs a time-zone conversion. Date cells are
 * read directly. Errors are the Parsers' (argument, 1-based row, value).
 */
export class DateReader {
  private readonly memo = new Map<unknown, number | null>();

  constructor(
    private readonly parsers: Parsers,
    private readonly column: Column,
  ) {}

  at(row: number): number | null {
    const raw = this.column.values[row];
    if (raw instanceof Date) {
      const ms = raw.getTime();
      if (isInDateRange(ms)) return ms;
      return this.parsers.date(this.column, row); // throws "is not a date"
    }
    // A Date from another realm (the emulator, a vm): each is a new key, so not memoised.
    if (typeof raw === 'object' && raw !== null) return this.parsers.date(this.column, row);
    const hit = this.memo.get(raw);
    if (hit !== undefined) return hit;
    const parsed = this.parsers.date(this.column, row);
    if (this.memo.size < DATE_MEMO_LIMIT) this.memo.set(raw, parsed);
    return parsed;
  }
}
