import { Parsers } from '../core/args';
import type { SheetContext } from '../core/context';
import { NOT_A_DATE, parseDate } from '../core/dates';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { isBlank } from '../core/values';
import type { FeedbackScale } from '../mapping/schema';
import type { LabelColumn } from './deals';
import { displayOf, LabelCoder } from './deals';
import type { EntityTable, ReadLog } from './table';
import { columnOf, LenientRows, rowsBelowHeader } from './table';

/**
 * Lenient reader of the reps' feedback: a date, a score on the scale of the mapping
 * (1–5 or 0–10; a score off the scale is a problem and counts in nothing) and a comment.
 * A row needs a date and a score or a comment.
 */

export interface FeedbackColumns extends ReadLog {
  readonly length: number;
  readonly sheetRows: Int32Array;
  readonly date: Float64Array;
  /** NaN where there is no usable score. */
  readonly score: Float64Array;
  readonly rep: LabelColumn | null;
  /** Trimmed text, "" when blank; null when there is no comment column. */
  readonly comment: readonly string[] | null;
}

export function scaleBounds(scale: FeedbackScale): { min: number; max: number } {
  return scale === '0-10' ? { min: 0, max: 10 } : { min: 1, max: 5 };
}

export function readFeedback(
  table: EntityTable,
  context: SheetContext,
  scale: FeedbackScale,
): FeedbackColumns {
  const { decimal, dateOrder, timeZone } = new Parsers(context);
  const { min, max } = scaleBounds(scale);
  const dateCol = columnOf(table, 'date');
  const repCol = columnOf(table, 'rep');
  const scoreCol = columnOf(table, 'score');
  const commentCol = columnOf(table, 'comment');
  const capacity = rowsBelowHeader(table);
  const sheetRows = new Int32Array(capacity);
  const date = new Float64Array(capacity);
  const score = new Float64Array(capacity);
  const repCodes = new Int32Array(capacity);
  const repCoder = new LabelCoder(timeZone);
  const comments: string[] = [];
  const rows = new LenientRows(table);

  let n = 0;
  rows.forEach((row, sheetRow) => {
    const rawDate = dateCol >= 0 ? row[dateCol] : undefined;
    const parsedDate = parseDate(rawDate, dateOrder, timeZone);
    let value = NaN;
    const rawScore = scoreCol >= 0 ? row[scoreCol] : undefined;
    const parsed = parseNumber(rawScore, decimal);
    if (parsed === NOT_A_NUMBER) {
      rows.problem('score', scoreCol, sheetRow, rawScore, 'notANumber');
    } else if (parsed !== null) {
      if (parsed >= min && parsed <= max) value = parsed;
      else rows.problem('score', scoreCol, sheetRow, rawScore, 'scoreOutOfRange');
    }
    if (parsedDate === NOT_A_DATE || parsedDate === null) {
      if (parsedDate === NOT_A_DATE) {
        rows.problem('date', dateCol, sheetRow, rawDate, 'notADate');
      }
      rows.skipped.add('noDate', sheetRow);
      return;
    }
    const comment =
      commentCol >= 0 && !isBlank(row[commentCol]) ? displayOf(row[commentCol], timeZone) : '';
    if (value !== value && comment === '') {
      rows.skipped.add('noValue', sheetRow);
      return;
    }
    sheetRows[n] = sheetRow;
    date[n] = parsedDate;
    score[n] = value;
    repCodes[n] = repCol >= 0 ? repCoder.code(row[repCol]) : -1;
    comments.push(comment);
    n++;
  });
  return {
    length: n,
    sheetRows: sheetRows.subarray(0, n),
    date: date.subarray(0, n),
    score: score.subarray(0, n),
    rep: repCol >= 0 ? repCoder.column(repCodes, n) : null,
    comment: commentCol >= 0 ? comments : null,
    ...rows.log(),
  };
}
