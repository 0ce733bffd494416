import type { SheetContext } from '../core/context';
import { decimalSeparatorOf } from '../core/context';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import type { FeedbackScale } from './schema';

/**
 * The feedback scale from a score column: '0-10' when a score above 5 appears, '1-5'
 * when every score is within 1–5; undefined when there is no numeric score or one is
 * outside 0–10.
 */
export function detectScoreScale(
  values: readonly unknown[],
  context: SheetContext,
): FeedbackScale | undefined {
  const decimal = decimalSeparatorOf(context.locale);
  let max = -Infinity;
  let min = Infinity;
  for (const value of values) {
    const n = parseNumber(value, decimal);
    if (n === null || n === NOT_A_NUMBER) continue;
    if (n > max) max = n;
    if (n < min) min = n;
  }
  if (max === -Infinity || min < 0 || max > 10) return undefined;
  return max > 5 ? '0-10' : '1-5';
}
