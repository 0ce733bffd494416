import type { DecimalSeparator } from './locales';

/** Sentinel for "text that does not parse" (cheaper than throwing in a hot loop). */
export const NOT_A_NUMBER = Symbol('not a number');
export type ParsedNumber = number | null | typeof NOT_A_NUMBER;

const SPACE = '[ \\u00a0\\u202f]';
/** Around a currency or "%": spaces and the direction marks right-to-left locales add. */
const PAD = '[ \\u00a0\\u202f\\u200e\\u200f\\u061c]';
const EDGE_MARKS = /^[\s\u200e\u200f\u061c]+|[\s\u200e\u200f\u061c]+$/g;
const CURRENCY = '[€$£¥₩₪฿₹]|EUR|USD|GBP|CHF|JPY|CNY|KRW|CAD|AUD';
const SIGN = '[-+\\u2212]';

/**
 * The number part: plain digits, or digits grouped by three with one separator used
 * throughout (the group separator, `'`, `’` or a space), then the decimal separator and
 * its digits. A grouped number never starts with 0, so "0,5" is not read as 5 in English.
 */
function bodyPattern(decimal: DecimalSeparator, groupIndex: number): string {
  const group = decimal === '.' ? ',' : '\\.';
  const dec = decimal === '.' ? '\\.' : ',';
  const integer = `\\d+|[1-9]\\d{0,2}(${group}|'|’|${SPACE})\\d{3}(?:\\${groupIndex}\\d{3})*`;
  return `(?:${integer})(?:${dec}\\d*)?|${dec}\\d+`;
}

/**
 * The whole text: an optional sign, an optional currency before the number (with a sign
 * on either side of it), the number, then an optional `%` or currency after it.
 * Group 1: sign before the currency; 2: currency before; 3: sign after it;
 * 4: the number (5: its group separator); 6: `%` or currency after.
 */
function wholePattern(decimal: DecimalSeparator): RegExp {
  return new RegExp(
    `^(${SIGN}?)(?:(${CURRENCY})${PAD}*(${SIGN}?))?(${bodyPattern(decimal, 5)})(?:${PAD}*(%|${CURRENCY}))?$`,
    'i',
  );
}

const PATTERNS: Record<DecimalSeparator, RegExp> = {
  '.': wholePattern('.'),
  ',': wholePattern(','),
};
const GROUP_CHARS = /[,.'’ \u00a0\u202f]/g;
const OTHER: Record<DecimalSeparator, DecimalSeparator> = { '.': ',', ',': '.' };
const PLAIN: Record<DecimalSeparator, RegExp> = { '.': /^\d+(?:\.\d+)?$/, ',': /^\d+(?:,\d+)?$/ };

/** Reads `text` with one decimal separator: a number (maybe ±Infinity), or undefined. */
function read(text: string, decimal: DecimalSeparator): number | undefined {
  const match = PATTERNS[decimal].exec(text);
  if (match === null) return undefined;
  const [, signBefore, currencyBefore, signAfter, body, , after] = match;
  if (signBefore && signAfter) return undefined;
  if (currencyBefore && after && after !== '%') return undefined;
  // Remove group separators, then make the decimal separator a point.
  const lastDecimal = body.lastIndexOf(decimal);
  const integer = lastDecimal < 0 ? body : body.slice(0, lastDecimal);
  const fraction = lastDecimal < 0 ? '' : body.slice(lastDecimal + 1);
  const digits = integer.replace(GROUP_CHARS, '') + (fraction ? '.' + fraction : '');
  const sign = (signBefore || signAfter) === '-' || (signBefore || signAfter) === '\u2212' ? -1 : 1;
  return sign * Number(digits === '' ? '0' : digits) * (after === '%' ? 0.01 : 1);
}

/**
 * Reads text that the locale's own convention cannot read but another locale's can,
 * only when that reading is the only plausible one: both "." and "," are present, the
 * first as groups of three and the last once, as the decimal separator ("$24,000.00" in
 * a French sheet is 24000). Text with one kind of separator is never read this way:
 * "1,234" in French is 1.234, as the locale says.
 */
function readForeign(text: string, decimal: DecimalSeparator): number | undefined {
  if (text.indexOf('.') < 0 || text.indexOf(',') < 0) return undefined;
  const other = OTHER[decimal];
  // The decimal separator of the other convention must come last, once.
  if (text.lastIndexOf(decimal) > text.lastIndexOf(other)) return undefined;
  if (text.indexOf(other) !== text.lastIndexOf(other)) return undefined;
  return read(text, other);
}

/** The number a text means (maybe ±Infinity when it has too many digits), or undefined. */
function readText(value: string, decimal: DecimalSeparator): number | undefined {
  const text = value.replace(EDGE_MARKS, '');
  return read(text, decimal) ?? readForeign(text, decimal);
}

/**
 * Contract rule 6. Returns the number, `null` for a blank cell, or NOT_A_NUMBER.
 * A thousands separator sits between groups of three digits, so "1,5" in an English
 * sheet and "12 34" anywhere are refused rather than silently read as 15 or 1234.
 * Currency signs and codes stand only before or after the number. Text with more digits
 * than a number can hold is not a number either (see `isTooLarge` for the message).
 */
export function parseNumber(value: unknown, decimal: DecimalSeparator): ParsedNumber {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_A_NUMBER;
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value !== 'string') return NOT_A_NUMBER;
  // Most amounts typed as text are bare digits with maybe a decimal part: no regex groups.
  if (PLAIN[decimal].test(value)) {
    const plain = Number(decimal === ',' ? value.replace(',', '.') : value);
    return Number.isFinite(plain) ? plain : NOT_A_NUMBER;
  }
  const parsed = readText(value, decimal);
  if (parsed === undefined) return value.trim() === '' ? null : NOT_A_NUMBER;
  return Number.isFinite(parsed) ? parsed : NOT_A_NUMBER;
}

/**
 * The largest amount the summary and the formulas add up: beyond 2^53 an amount is no
 * longer exact, and no real deal, cost or target comes near it. A larger one is listed on
 * the data-quality tab rather than added, and is "too large to add up" in a formula, so
 * that no sum of a sheet can overflow or lose a smaller value.
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/** Why the summary cannot add a value (null when it can): not a number, or too large. */
export function amountProblem(
  raw: unknown,
  parsed: ParsedNumber,
  decimal: DecimalSeparator,
): 'notANumber' | 'tooLarge' | null {
  if (parsed === NOT_A_NUMBER) return isTooLarge(raw, decimal) ? 'tooLarge' : 'notANumber';
  if (parsed === null || (parsed <= MAX_AMOUNT && parsed >= -MAX_AMOUNT)) return null;
  return 'tooLarge';
}

/** True for a value refused only because it is too large (a 400-digit amount, ±Infinity). */
export function isTooLarge(value: unknown, decimal: DecimalSeparator): boolean {
  if (typeof value === 'number') return value === Infinity || value === -Infinity;
  if (typeof value !== 'string') return false;
  const parsed = readText(value, decimal);
  return parsed === Infinity || parsed === -Infinity;
}
