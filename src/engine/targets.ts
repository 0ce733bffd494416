import type { SheetContext } from '../core/context';
import { decimalSeparatorOf, isMonthFirst } from '../core/context';
import { NOT_A_NUMBER, parseNumber } from '../core/numbers';
import { isBlank } from '../core/values';
import type { LabelColumn } from './deals';
import { LabelCoder } from './deals';
import { overlapDays, parsePeriodCell } from './periods';
import type { EntityTable, ReadLog } from './table';
import { columnOf, isBlankRow, mappedColumns, recordProblem, SkipLog } from './table';

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
  const { timeZone } = context;
  const decimal = decimalSeparatorOf(context.locale);
  const monthFirst = isMonthFirst(context.locale);
  const values = table.values;
  const firstSheetRow = table.firstSheetRow ?? 1;
  const repCol = columnOf(table, 'rep');
  const periodCol = columnOf(table, 'period');
  const targetCol = columnOf(table, 'target');
  const cols = mappedColumns(table);
  const capacity = Math.max(0, values.length - table.headerIndex - 1);
  const sheetRows = new Int32Array(capacity);
  const startDay = new Int32Array(capacity);
  const endDay = new Int32Array(capacity);
  const target = new Float64Array(capacity);
  const repCodes = new Int32Array(capacity);
  const repCoder = new LabelCoder(timeZone);
  const skipped = new SkipLog();
  const problems: ReadLog['problems'] = [];
  const periodMemo = new Map<unknown, ReturnType<typeof parsePeriodCell>>();

  let n = 0;
  for (let r = table.headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    const sheetRow = firstSheetRow + r;
    if (isBlankRow(row, cols)) {
      skipped.add('blank', sheetRow);
      continue;
    }
    const rawPeriod = periodCol >= 0 ? row[periodCol] : undefined;
    let range = periodMemo.get(rawPeriod);
    if (range === undefined && !periodMemo.has(rawPeriod)) {
      range = parsePeriodCell(rawPeriod, monthFirst, timeZone, fiscalYearStartMonth);
      if (typeof rawPeriod !== 'object' || rawPeriod === null) periodMemo.set(rawPeriod, range);
    }
    const rawTarget = targetCol >= 0 ? row[targetCol] : undefined;
    const parsed = parseNumber(rawTarget, decimal);
    if (parsed === NOT_A_NUMBER) {
      recordProblem(problems, table, 'target', targetCol, sheetRow, rawTarget, 'notANumber');
    }
    if (!range) {
      if (range === null) {
        recordProblem(problems, table, 'period', periodCol, sheetRow, rawPeriod, 'notAPeriod');
      }
      skipped.add('noDate', sheetRow);
      continue;
    }
    if (parsed === null || parsed === NOT_A_NUMBER || isBlank(rawTarget)) {
      skipped.add('noValue', sheetRow);
      continue;
    }
    sheetRows[n] = sheetRow;
    startDay[n] = range.startDay;
    endDay[n] = range.endDay;
    target[n] = parsed;
    repCodes[n] = repCol >= 0 ? repCoder.code(row[repCol]) : -1;
    n++;
  }
  return {
    length: n,
    sheetRows: sheetRows.subarray(0, n),
    rep:
      repCol >= 0
        ? { codes: repCodes.subarray(0, n), keys: repCoder.keys, labels: repCoder.labels }
        : null,
    startDay: startDay.subarray(0, n),
    endDay: endDay.subarray(0, n),
    target: target.subarray(0, n),
    rowsRead: capacity,
    skipped,
    problems,
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
