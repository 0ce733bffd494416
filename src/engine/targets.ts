import { Parsers } from '../core/args';
import type { SheetContext } from '../core/context';
import { amountProblem, parseNumber } from '../core/numbers';
import { isBlank } from '../core/values';
import type { LabelColumn } from './deals';
import { LabelCoder } from './deals';
import { overlapDays, parsePeriodCell } from './periods';
import type { EntityTable, ReadLog } from './table';
import { columnOf, LenientRows, rowsBelowHeader } from './table';

/**
 * Lenient reader of a targets table: each row is a target for a rep (blank: the whole
 * team) over a period written as a month, quarter, half, year or week (periods.ts).
 */

export interface TargetColumns extends ReadLog {
  readonly length: number;
  readonly sheetRows: Int32Array;
  /** Rep codes (−1: the team); null when there is no rep column (every target is the team's). */
  readonly rep: LabelColumn | null;
  readonly startDay: Int32Array;
  readonly endDay: Int32Array;
  readonly target: Float64Array;
}

export function readTargets(
  table: EntityTable,
  context: SheetContext,
  fiscalYearStartMonth: number,
): TargetColumns {
  const { decimal, dateOrder, timeZone } = new Parsers(context);
  const repCol = columnOf(table, 'rep');
  const periodCol = columnOf(table, 'period');
  const targetCol = columnOf(table, 'target');
  const capacity = rowsBelowHeader(table);
  const sheetRows = new Int32Array(capacity);
  const startDay = new Int32Array(capacity);
  const endDay = new Int32Array(capacity);
  const target = new Float64Array(capacity);
  const repCodes = new Int32Array(capacity);
  const repCoder = new LabelCoder(timeZone);
  const rows = new LenientRows(table);
  const periodMemo = new Map<unknown, ReturnType<typeof parsePeriodCell>>();

  let n = 0;
  rows.forEach((row, sheetRow) => {
    const rawPeriod = periodCol >= 0 ? row[periodCol] : undefined;
    let range = periodMemo.get(rawPeriod);
    if (range === undefined && !periodMemo.has(rawPeriod)) {
      range = parsePeriodCell(rawPeriod, dateOrder, timeZone, fiscalYearStartMonth);
      if (typeof rawPeriod !== 'object' || rawPeriod === null) periodMemo.set(rawPeriod, range);
    }
    const rawTarget = targetCol >= 0 ? row[targetCol] : undefined;
    const parsed = parseNumber(rawTarget, decimal);
    const problem = amountProblem(rawTarget, parsed, decimal);
    if (problem !== null) rows.problem('target', targetCol, sheetRow, rawTarget, problem);
    if (!range) {
      if (range === null) {
        rows.problem('period', periodCol, sheetRow, rawPeriod, 'notAPeriod');
      }
      rows.skipped.add('noDate', sheetRow);
      return;
    }
    if (parsed === null || problem !== null || isBlank(rawTarget)) {
      rows.skipped.add('noValue', sheetRow);
      return;
    }
    sheetRows[n] = sheetRow;
    startDay[n] = range.startDay;
    endDay[n] = range.endDay;
    target[n] = parsed as number;
    repCodes[n] = repCol >= 0 ? repCoder.code(row[repCol]) : -1;
    n++;
  });
  return {
    length: n,
    sheetRows: sheetRows.subarray(0, n),
    rep: repCol >= 0 ? repCoder.column(repCodes, n) : null,
    startDay: startDay.subarray(0, n),
    endDay: endDay.subarray(0, n),
    target: target.subarray(0, n),
    ...rows.log(),
  };
}

/** Target of row `i` falling in `[fromDay, toDay)`, prorated by day. */
export function targetIn(t: TargetColumns, i: number, fromDay: number, toDay: number): number {
  const span = t.endDay[i] - t.startDay[i];
  const days = overlapDays(t.startDay[i], t.endDay[i], fromDay, toDay);
  return days === span ? t.target[i] : (t.target[i] * days) / span;
}

export interface PeriodTargets {
  /** Team target: Σ of team rows (blank rep) when the period has any, else Σ of the reps'. Null when none falls in the period. */
  readonly team: number | null;
  /** Per rep code: Σ of the rep's targets, NaN where the rep has none in the period. */
  readonly byRep: Float64Array;
}

/** Targets falling in `[fromDay, toDay)`, prorated by day where a target's period sticks out. */
export function targetsIn(t: TargetColumns, fromDay: number, toDay: number): PeriodTargets {
  const byRep = new Float64Array(t.rep ? t.rep.keys.length : 0).fill(NaN);
  let team = 0;
  let hasTeam = false;
  let reps = 0;
  let hasReps = false;
  for (let i = 0; i < t.length; i++) {
    if (t.endDay[i] <= fromDay || t.startDay[i] >= toDay) continue;
    const value = targetIn(t, i, fromDay, toDay);
    const rep = t.rep ? t.rep.codes[i] : -1;
    if (rep < 0) {
      team += value;
      hasTeam = true;
    } else {
      byRep[rep] = byRep[rep] === byRep[rep] ? byRep[rep] + value : value;
      reps += value;
      hasReps = true;
    }
  }
  return { team: hasTeam ? team : hasReps ? reps : null, byRep };
}
