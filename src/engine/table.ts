import { describeValue, isBlank } from '../core/values';

/**
 * What the lenient readers of the optional entities (activities, campaigns, targets,
 * feedback) share with one another: the table they read, and how they record problems
 * and skipped rows for the data-quality tab, the way readDeals does for deals.
 */

export interface EntityTable {
  /** The sheet as getValues gives it, header row included. */
  readonly values: readonly (readonly unknown[])[];
  /** 0-based index of the header row in `values`. */
  readonly headerIndex: number;
  /** Field → 0-based column index. */
  readonly columns: Readonly<Record<string, number | undefined>>;
  /** Sheet row number of `values[0]` (default 1). */
  readonly firstSheetRow?: number;
}

export type EntityProblemReason = 'notANumber' | 'notADate' | 'notAPeriod' | 'scoreOutOfRange';

export interface EntityProblem {
  readonly field: string;
  readonly header: string;
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** As quoted in messages, e.g. `"n/c"`. */
  readonly value: string;
  readonly reason: EntityProblemReason;
}

/** `blank`: every mapped cell blank; `noDate`: no usable date; `noValue`: a required value missing. */
export type RowSkipReason = 'blank' | 'noDate' | 'noValue';

/** Skipped rows by reason: a count and the first sheet rows. */
export class SkipLog {
  readonly counts: Record<RowSkipReason, number> = { blank: 0, noDate: 0, noValue: 0 };
  readonly rows: Record<RowSkipReason, number[]> = { blank: [], noDate: [], noValue: [] };

  constructor(private readonly keep = 20) {}

  add(reason: RowSkipReason, sheetRow: number): void {
    this.counts[reason]++;
    if (this.rows[reason].length < this.keep) this.rows[reason].push(sheetRow);
  }
}

/** What every lenient reader returns besides its columns. */
export interface ReadLog {
  /** Rows below the header row, blank ones included. */
  readonly rowsRead: number;
  readonly skipped: SkipLog;
  readonly problems: EntityProblem[];
}

export function columnOf(table: EntityTable, field: string): number {
  const c = table.columns[field];
  return c === undefined || c < 0 ? -1 : c;
}

export function headerOf(table: EntityTable, column: number, field: string): string {
  const cell = table.values[table.headerIndex]?.[column];
  const text = isBlank(cell) ? '' : String(cell).trim();
  return text === '' ? field : text;
}

/** The distinct mapped columns of a table. */
export function mappedColumns(table: EntityTable): number[] {
  const cols = new Set<number>();
  for (const field of Object.keys(table.columns)) {
    const c = columnOf(table, field);
    if (c >= 0) cols.add(c);
  }
  return [...cols];
}

export function isBlankRow(row: readonly unknown[], columns: readonly number[]): boolean {
  for (let k = 0; k < columns.length; k++) if (!isBlank(row[columns[k]])) return false;
  return true;
}

/** Records a problem; returns NaN so a reader can write `x = problem(...)`. */
export function recordProblem(
  problems: EntityProblem[],
  table: EntityTable,
  field: string,
  column: number,
  sheetRow: number,
  raw: unknown,
  reason: EntityProblemReason,
): number {
  problems.push({
    field,
    header: headerOf(table, column, field),
    sheetRow,
    value: describeValue(raw),
    reason,
  });
  return NaN;
}
