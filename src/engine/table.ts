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

export type EntityProblemReason =
  'notANumber' | 'tooLarge' | 'notADate' | 'notAPeriod' | 'scoreOutOfRange';

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

/** Rows below the header row, blank ones included. */
export function rowsBelowHeader(table: EntityTable): number {
  return Math.max(0, table.values.length - table.headerIndex - 1);
}

/** The distinct mapped columns of a table. */
function mappedColumns(table: EntityTable): number[] {
  const cols = new Set<number>();
  for (const field of Object.keys(table.columns)) {
    const c = columnOf(table, field);
    if (c >= 0) cols.add(c);
  }
  return [...cols];
}

function isBlankRow(row: readonly unknown[], columns: readonly number[]): boolean {
  for (let k = 0; k < columns.length; k++) if (!isBlank(row[columns[k]])) return false;
  return true;
}

/**
 * What every lenient reader does around its own row logic: go through the data rows
 * below the header row, log the blank ones (every mapped cell blank) as skipped, and
 * record the problems met.
 */
export class LenientRows {
  readonly skipped = new SkipLog();
  readonly problems: EntityProblem[] = [];
  private readonly cols: readonly number[];
  private next: number;

  constructor(private readonly table: EntityTable) {
    this.cols = mappedColumns(table);
    this.next = table.headerIndex + 1;
  }

  /** Rows not yet gone through. */
  get remaining(): number {
    return Math.max(0, this.table.values.length - this.next);
  }

  /** True once every row has been gone through. */
  get done(): boolean {
    return this.next >= this.table.values.length;
  }

  /**
   * Calls `each` with the next rows that are not blank and their 1-based sheet row,
   * logging the blank ones; stops after the last row, or after a row for which `each`
   * returns true (the next call goes on from there).
   */
  forEach(each: (row: readonly unknown[], sheetRow: number) => boolean | void): void {
    const { values } = this.table;
    const firstSheetRow = this.table.firstSheetRow ?? 1;
    const { cols, skipped } = this;
    let r = this.next;
    while (r < values.length) {
      const row = values[r];
      const sheetRow = firstSheetRow + r;
      r++;
      if (isBlankRow(row, cols)) skipped.add('blank', sheetRow);
      else if (each(row, sheetRow)) break;
    }
    this.next = r;
  }

  /** Records a problem; returns NaN so a reader can write `x = problem(...)`. */
  problem(
    field: string,
    column: number,
    sheetRow: number,
    raw: unknown,
    reason: EntityProblemReason,
  ): number {
    this.problems.push({
      field,
      header: headerOf(this.table, column, field),
      sheetRow,
      value: describeValue(raw),
      reason,
    });
    return NaN;
  }

  /** The reader's log, for the data-quality tab. */
  log(): ReadLog {
    return {
      rowsRead: rowsBelowHeader(this.table),
      skipped: this.skipped,
      problems: this.problems,
    };
  }
}
