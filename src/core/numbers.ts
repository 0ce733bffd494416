import type { DecimalSeparator } from './context';

/** Sentinel for "text that does not parse" (cheaper than throwing in a hot loop). */
export const NOT_A_NUMBER = Symbol('not a number');
export type ParsedNumber = number | null | typeof NOT_A_NUMBER;

const CURRENCY = /[€$£\s\u00a0\u202f]|EUR|USD|GBP/gi;
const PLAIN = /^\d+(?:\.\d+)?$|^\.\d+$/;

/**
 * Contract rule 6. Returns the number, `null` for a blank cell, or NOT_A_NUMBER.
 * A thousands separator must sit between groups of three digits, so "1,5" in an
 * English sheet is refused rather than silently read as 15.
 */
export function parseNumber(value: unknown, decimal: DecimalSeparator): ParsedNumber {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_A_NUMBER;
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value !== 'string') return NOT_A_NUMBER;
  let text = value.replace(CURRENCY, '');
  if (text === '') return value.trim() === '' ? null : NOT_A_NUMBER;
  let scale = 1;
  if (text.endsWith('%')) {
    scale = 0.01;
    text = text.slice(0, -1);
  }
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const digits = toPlainDigits(text, decimal);
  if (digits === null || !PLAIN.test(digits)) return NOT_A_NUMBER;
  return sign * Number(digits) * scale;
}

const GROUPED = {
  '.': /^\d{1,3}(?:[,']\d{3})+(?:\.\d*)?$/,
  ',': /^\d{1,3}(?:[.']\d{3})+(?:,\d*)?$/,
} as const;

function toPlainDigits(text: string, decimal: DecimalSeparator): string | null {
  const thousands = decimal === '.' ? /[,']/ : /[.']/;
  if (thousands.test(text)) {
    if (!GROUPED[decimal].test(text)) return null;
    text = text.replace(decimal === '.' ? /[,']/g : /[.']/g, '');
  }
  if (decimal === ',') text = text.replace(',', '.');
  if (text.endsWith('.')) text = text.slice(0, -1);
  return text;
}
