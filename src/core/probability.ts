import type { DecimalSeparator } from './context';
import { NOT_A_NUMBER, parseNumber } from './numbers';

const PERCENT_TEXT = /%\s*$/;

/**
 * How PIPELINE_VALUE reads a probability: a number in 0–1 is a fraction and one in
 * (1, 100] a percentage; text ending in "%" must come to 0–100 %. NaN when not one.
 */
export function toProbability(raw: unknown, decimal: DecimalSeparator): number {
  if (typeof raw === 'number') {
    if (raw >= 0 && raw <= 1) return raw;
    if (raw > 1 && raw <= 100) return raw / 100;
    return NaN;
  }
  if (typeof raw !== 'string') return NaN;
  const parsed = parseNumber(raw, decimal);
  if (parsed === NOT_A_NUMBER || parsed === null || parsed < 0) return NaN;
  if (parsed <= 1) return parsed;
  if (parsed <= 100 && !PERCENT_TEXT.test(raw)) return parsed / 100;
  return NaN;
}
